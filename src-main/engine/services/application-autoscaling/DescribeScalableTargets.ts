import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { listTargets, targetOut } from './state/targets';
import { page } from './page';

export function DescribeScalableTargets(
  ctx: Ctx,
  input: OperationInput<'application-autoscaling', 'DescribeScalableTargets'>,
) {
  const rows = listTargets(ctx, input.ServiceNamespace).filter(
    (t) =>
      (!input.ResourceIds?.length || input.ResourceIds.includes(t.resource_id)) &&
      (!input.ScalableDimension || t.dimension === input.ScalableDimension),
  );
  const { items, next } = page(rows.map(targetOut), input.MaxResults, input.NextToken);
  return { ScalableTargets: items, ...(next ? { NextToken: next } : {}) };
}
