/**
 * The authorization hook every call passes. The foundation knows two kinds of principals: the
 * account's root user, which may do anything in its own account, and service principals acting
 * for the lab. The IAM issue replaces the rest with real policy evaluation.
 */
import { accessDenied } from '../protocol/errors';
import type { Ctx } from '../core/provider';

export function authorize(ctx: Ctx, _input: Record<string, unknown>): void {
  const p = ctx.principal;
  if ((p.type === 'root' || p.type === 'service') && p.accountId === ctx.accountId) return;
  const action = `${ctx.service}:${ctx.operation}`;
  throw accessDenied(
    `User: ${p.arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  );
}
