import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';
import { hookOutput, hooksOf } from './state/lifecycle-hooks';

export const DescribeLifecycleHooks = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeLifecycleHooks'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const names = input.LifecycleHookNames ?? [];
  return { LifecycleHooks: hooksOf(ctx, g.name).filter((h) => names.length === 0 || names.includes(h.name)).map(hookOutput) };
};
