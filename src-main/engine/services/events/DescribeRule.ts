import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireRule } from './rule-lookup';
import { ruleView } from './state/rules';

export const DescribeRule = (ctx: Ctx, input: OperationInput<'events', 'DescribeRule'>) => {
  const r = requireRule(ctx, input.Name, input.EventBusName);
  return { ...ruleView(r), CreatedBy: r.account_id };
};
