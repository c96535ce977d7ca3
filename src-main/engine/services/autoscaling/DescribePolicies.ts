import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './state/paging';
import { policiesOf, policyOutput } from './state/policies';

export const DescribePolicies = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribePolicies'>) => {
  let rows = policiesOf(ctx, input.AutoScalingGroupName);
  if (input.PolicyNames?.length) rows = rows.filter((p) => input.PolicyNames!.includes(p.name) || input.PolicyNames!.includes(p.arn));
  if (input.PolicyTypes?.length) rows = rows.filter((p) => input.PolicyTypes!.includes((JSON.parse(p.spec) as { PolicyType: string }).PolicyType));
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return { ScalingPolicies: items.map(policyOutput), ...(next ? { NextToken: next } : {}) };
};
