import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireRule } from './rule-lookup';
import { page } from './pages';
import { targetsOf } from './state/rules';

export const ListTargetsByRule = (ctx: Ctx, input: OperationInput<'events', 'ListTargetsByRule'>) => {
  const r = requireRule(ctx, input.Rule, input.EventBusName);
  const p = page(targetsOf(ctx.store, r).map((t) => JSON.parse(t.spec) as Record<string, unknown>), input.Limit, input.NextToken);
  return { Targets: p.items, NextToken: p.NextToken };
};
