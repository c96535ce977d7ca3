/** The rule a call names (Name + EventBusName), or EventBridge's ResourceNotFoundException. */
import type { Ctx } from '../../core/provider';
import { ruleNotFound } from './errors';
import { busName, findRule, type RuleRow } from './state/rules';

export function requireRule(ctx: Ctx, name: string, bus?: string): RuleRow {
  const b = busName(bus);
  const r = findRule(ctx.store, ctx.accountId, ctx.region, b, name);
  if (!r) throw ruleNotFound(name, b);
  return r;
}
