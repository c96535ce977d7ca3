import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { listenerNotFound, validationError } from './errors';
import { getLoadBalancer } from './state/load-balancers';
import { listListeners, listenerOutput } from './state/listeners';
import { page } from './state/paging';

export const DescribeListeners = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeListeners'>) => {
  if (!input.LoadBalancerArn && !input.ListenerArns?.length) throw validationError('You must specify either listener ARNs or a load balancer ARN');
  let rows = input.LoadBalancerArn ? listListeners(ctx, getLoadBalancer(ctx, input.LoadBalancerArn).arn) : listListeners(ctx);
  if (input.ListenerArns?.length) {
    const missing = input.ListenerArns.filter((a) => !rows.some((r) => r.arn === a));
    if (missing.length) throw listenerNotFound(`Listeners '[${missing.join(', ')}]' not found`);
    rows = rows.filter((r) => input.ListenerArns!.includes(r.arn));
  }
  const { items, next } = page(rows, input.Marker, input.PageSize);
  return { Listeners: items.map(listenerOutput), ...(next ? { NextMarker: next } : {}) };
};
