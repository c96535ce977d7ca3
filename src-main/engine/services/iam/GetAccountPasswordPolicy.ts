import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { passwordPolicyOf } from './state/account';

export const GetAccountPasswordPolicy = (ctx: Ctx, _input: Record<string, never>) => {
  const policy = passwordPolicyOf(ctx.store, ctx.accountId);
  if (!policy) throw noSuchEntity(`The Password Policy with domain name ${ctx.accountId} cannot be found.`);
  return { PasswordPolicy: policy };
};
