import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { loadBalancerNotFound } from './errors';
import { listLoadBalancers, loadBalancerOutput } from './state/load-balancers';
import { page } from './state/paging';

export const DescribeLoadBalancers = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeLoadBalancers'>) => {
  let rows = listLoadBalancers(ctx);
  if (input.LoadBalancerArns?.length) {
    const missing = input.LoadBalancerArns.filter((a) => !rows.some((r) => r.arn === a));
    if (missing.length) throw loadBalancerNotFound(`Load balancers '[${missing.join(', ')}]' not found`);
    rows = rows.filter((r) => input.LoadBalancerArns!.includes(r.arn));
  }
  if (input.Names?.length) {
    const missing = input.Names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length) throw loadBalancerNotFound(`Load balancers '[${missing.join(', ')}]' not found`);
    rows = rows.filter((r) => input.Names!.includes(r.name));
  }
  const { items, next } = page(rows, input.Marker, input.PageSize);
  return { LoadBalancers: items.map((r) => loadBalancerOutput(ctx, r)), ...(next ? { NextMarker: next } : {}) };
};
