import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { attributeList } from './state/attributes';
import { getLoadBalancer } from './state/load-balancers';

export const DescribeLoadBalancerAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeLoadBalancerAttributes'>) => ({
  Attributes: attributeList(JSON.parse(getLoadBalancer(ctx, input.LoadBalancerArn).attributes) as Record<string, string>),
});
