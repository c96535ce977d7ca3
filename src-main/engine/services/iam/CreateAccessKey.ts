import type { Ctx } from '../../core/provider';
import { limitExceeded, validationError } from './errors';
import { entityById, requireEntity, type EntityRow } from './state/entities';
import { createKey, keysOfUser } from './state/access-keys';

export const MAX_KEYS_PER_USER = 2;

/** The user a key operation is about: the named one, else the calling user. */
export function targetUser(ctx: Ctx, name: string | undefined): EntityRow {
  if (name !== undefined) return requireEntity(ctx, 'user', name);
  const self = ctx.principal.type === 'user' ? entityById(ctx.store, 'user', ctx.principal.userId) : undefined;
  if (!self) throw validationError('Must specify userName when calling with non-User credentials');
  return self;
}

export const CreateAccessKey = (ctx: Ctx, input: { UserName?: string }) => {
  const user = targetUser(ctx, input.UserName);
  if (keysOfUser(ctx.store, user.id).length >= MAX_KEYS_PER_USER) throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_KEYS_PER_USER}`);
  const key = createKey(ctx.store, user, ctx.clock.now());
  return {
    AccessKey: {
      UserName: user.name,
      AccessKeyId: key.access_key_id,
      Status: key.status,
      SecretAccessKey: key.secret_access_key,
      CreateDate: new Date(key.created_at),
    },
  };
};
