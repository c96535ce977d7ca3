import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup, list } from './state/groups';

/** The group's Classic Load Balancers; they are attached as soon as the call returns. */
export const DescribeLoadBalancers = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeLoadBalancers'>) => ({
  LoadBalancers: list(getGroup(ctx, input.AutoScalingGroupName).load_balancers).map((n) => ({ LoadBalancerName: n, State: 'InService' })),
});
