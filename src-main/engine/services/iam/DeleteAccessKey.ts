import type { Ctx } from '../../core/provider';
import { noSuchAccessKey } from './errors';
import { targetUser } from './CreateAccessKey';
import { deleteKey, findKey } from './state/access-keys';

export const DeleteAccessKey = (ctx: Ctx, input: { UserName?: string; AccessKeyId: string }) => {
  const user = targetUser(ctx, input.UserName);
  const key = findKey(ctx.store, input.AccessKeyId);
  if (!key || key.user_id !== user.id || key.principal_type !== 'user') throw noSuchAccessKey(input.AccessKeyId);
  deleteKey(ctx.store, key.access_key_id);
  return {};
};
