import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';
import { busName, ruleView, type RuleRow } from './state/rules';

export const ListRules = (ctx: Ctx, input: OperationInput<'events', 'ListRules'>) => {
  const rows = ctx.store
    .stmt('SELECT * FROM ev_rules WHERE account_id = ? AND region = ? AND bus = ? ORDER BY name')
    .all(ctx.accountId, ctx.region, busName(input.EventBusName)) as RuleRow[];
  const p = page(rows.filter((r) => !input.NamePrefix || r.name.startsWith(input.NamePrefix)).map(ruleView), input.Limit, input.NextToken);
  return { Rules: p.items, NextToken: p.NextToken };
};
