import type { Ctx } from '../../core/provider';
import { noSuchEntity } from './errors';
import { aliasOf, setAlias } from './state/account';

export const DeleteAccountAlias = (ctx: Ctx, input: { AccountAlias: string }) => {
  if (aliasOf(ctx.store, ctx.accountId) !== input.AccountAlias) throw noSuchEntity(`The account alias ${input.AccountAlias} cannot be found.`);
  setAlias(ctx.store, ctx.accountId, null);
  return {};
};
