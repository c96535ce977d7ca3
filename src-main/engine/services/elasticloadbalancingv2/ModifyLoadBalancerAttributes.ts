import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { attributeList, mergeAttributes } from './state/attributes';
import { getLoadBalancer } from './state/load-balancers';

export const ModifyLoadBalancerAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'ModifyLoadBalancerAttributes'>) => {
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn);
  const next = mergeAttributes(JSON.parse(lb.attributes) as Record<string, string>, input.Attributes);
  ctx.store.stmt('UPDATE elbv2_load_balancers SET attributes = ? WHERE arn = ?').run(JSON.stringify(next), lb.arn);
  return { Attributes: attributeList(next) };
};
