import type { Ctx } from '../../core/provider';
import { targetUser } from './CreateAccessKey';
import { keysOfUser } from './state/access-keys';

export const ListAccessKeys = (ctx: Ctx, input: { UserName?: string }) => {
  const user = targetUser(ctx, input.UserName);
  return {
    AccessKeyMetadata: keysOfUser(ctx.store, user.id).map((k) => ({
      UserName: user.name,
      AccessKeyId: k.access_key_id,
      Status: k.status,
      CreateDate: new Date(k.created_at),
    })),
    IsTruncated: false,
  };
};
