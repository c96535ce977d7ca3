import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getClassic, json } from './state/load-balancers';

export const DescribeLoadBalancerAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DescribeLoadBalancerAttributes'>) => ({
  LoadBalancerAttributes: json<Record<string, unknown>>(getClassic(ctx, input.LoadBalancerName).attributes),
});
