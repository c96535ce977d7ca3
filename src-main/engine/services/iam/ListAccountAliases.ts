import type { Ctx } from '../../core/provider';
import { aliasOf } from './state/account';

export const ListAccountAliases = (ctx: Ctx, _input: Record<string, unknown>) => {
  const alias = aliasOf(ctx.store, ctx.accountId);
  return { AccountAliases: alias ? [alias] : [], IsTruncated: false };
};
