import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';
import { busName } from './state/rules';

export const ListRuleNamesByTarget = (ctx: Ctx, input: OperationInput<'events', 'ListRuleNamesByTarget'>) => {
  const names = (
    ctx.store.stmt('SELECT DISTINCT rule FROM ev_targets WHERE account_id = ? AND region = ? AND bus = ? AND arn = ? ORDER BY rule').all(ctx.accountId, ctx.region, busName(input.EventBusName), input.TargetArn) as { rule: string }[]
  ).map((r) => r.rule);
  const p = page(names, input.Limit, input.NextToken);
  return { RuleNames: p.items, NextToken: p.NextToken };
};
