import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { passwordPolicyOf, setPasswordPolicy } from './state/account';

export const DeleteAccountPasswordPolicy = (ctx: Ctx, _input: Record<string, never>) => {
  if (!passwordPolicyOf(ctx.store, ctx.accountId)) throw noSuchEntity(`The account policy with name PasswordPolicy cannot be found.`);
  setPasswordPolicy(ctx.store, ctx.accountId, null);
  return {};
};
