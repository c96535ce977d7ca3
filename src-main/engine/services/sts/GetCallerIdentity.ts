import type { Ctx } from '../../core/provider';

/** Who am I: straight from the principal the request was authenticated as. */
export const GetCallerIdentity = (ctx: Ctx, _input: Record<string, never>) => ({
  UserId: ctx.principal.userId,
  Account: ctx.principal.accountId,
  Arn: ctx.principal.arn,
});
