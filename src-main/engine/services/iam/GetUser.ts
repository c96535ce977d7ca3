import type { Ctx } from '../../core/provider';
import { validationError } from './errors';
import { userOutput } from './output';
import { entityById, requireEntity, type EntityRow } from './state/entities';

/** Without UserName: the caller itself (the book reads the account id from the root's ARN, §6.3.3). */
export const GetUser = (ctx: Ctx, input: { UserName?: string }) => {
  const p = ctx.principal;
  if (input.UserName === undefined) {
    if (p.type === 'root') {
      return { User: { UserId: p.accountId, Arn: p.arn, CreateDate: new Date(0), PasswordLastUsed: undefined } };
    }
    const self = p.type === 'user' ? entityById(ctx.store, 'user', p.userId) : undefined;
    if (!self) throw validationError('Must specify userName when calling with non-User credentials');
    return { User: userOutput(ctx.store, self, true) };
  }
  const user = requireEntity<EntityRow & { password_last_used: number | null }>(ctx, 'user', input.UserName);
  return { User: userOutput(ctx.store, user, true) };
};
