import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { listPolicies, policyOut } from './state/targets';
import { page } from './page';

export function DescribeScalingPolicies(
  ctx: Ctx,
  input: OperationInput<'application-autoscaling', 'DescribeScalingPolicies'>,
) {
  const rows = listPolicies(ctx, input.ServiceNamespace).filter(
    (p) =>
      (!input.PolicyNames?.length || input.PolicyNames.includes(p.name)) &&
      (!input.ResourceId || p.resource_id === input.ResourceId) &&
      (!input.ScalableDimension || p.dimension === input.ScalableDimension),
  );
  const { items, next } = page(
    rows.map((p) => policyOut(ctx, p)),
    input.MaxResults,
    input.NextToken,
  );
  return { ScalingPolicies: items, ...(next ? { NextToken: next } : {}) };
}
