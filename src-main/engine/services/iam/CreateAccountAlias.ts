import type { Ctx } from '../../core/provider';
import { constraintViolation, entityAlreadyExists } from './errors';
import { aliasOwner, setAlias } from './state/account';

const ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

export const CreateAccountAlias = (ctx: Ctx, input: { AccountAlias: string }) => {
  if (!ALIAS.test(input.AccountAlias))
    throw constraintViolation(input.AccountAlias, 'accountAlias', 'Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$');
  const owner = aliasOwner(ctx.store, input.AccountAlias);
  if (owner && owner !== ctx.accountId) throw entityAlreadyExists(`The account alias ${input.AccountAlias} already exists.`);
  setAlias(ctx.store, ctx.accountId, input.AccountAlias);
  return {};
};
