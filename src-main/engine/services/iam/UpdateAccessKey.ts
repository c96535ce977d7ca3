import type { Ctx } from '../../core/provider';
import { constraintViolation, noSuchAccessKey } from './errors';
import { targetUser } from './CreateAccessKey';
import { findKey, setKeyStatus } from './state/access-keys';

export const UpdateAccessKey = (ctx: Ctx, input: { UserName?: string; AccessKeyId: string; Status: string }) => {
  if (input.Status !== 'Active' && input.Status !== 'Inactive')
    throw constraintViolation(input.Status, 'status', 'Member must satisfy enum value set: [Active, Inactive]');
  const user = targetUser(ctx, input.UserName);
  const key = findKey(ctx.store, input.AccessKeyId);
  if (!key || key.user_id !== user.id || key.principal_type !== 'user') throw noSuchAccessKey(input.AccessKeyId);
  setKeyStatus(ctx.store, key.access_key_id, input.Status);
  return {};
};
