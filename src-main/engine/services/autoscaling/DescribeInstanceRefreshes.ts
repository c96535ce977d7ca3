import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';
import { refreshesOf, refreshOutput } from './state/instance-refresh';

export const DescribeInstanceRefreshes = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeInstanceRefreshes'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const ids = input.InstanceRefreshIds ?? [];
  return { InstanceRefreshes: refreshesOf(ctx, g.name).filter((r) => ids.length === 0 || ids.includes(r.id)).map((r) => refreshOutput(ctx, r)) };
};
