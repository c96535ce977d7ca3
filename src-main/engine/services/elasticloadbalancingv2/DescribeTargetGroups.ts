import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { targetGroupNotFound } from './errors';
import { getLoadBalancer } from './state/load-balancers';
import { page } from './state/paging';
import { listTargetGroups, loadBalancersOfGroup, targetGroupOutput } from './state/target-groups';

export const DescribeTargetGroups = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DescribeTargetGroups'>) => {
  let rows = listTargetGroups(ctx);
  if (input.LoadBalancerArn) {
    getLoadBalancer(ctx, input.LoadBalancerArn);
    rows = rows.filter((r) => loadBalancersOfGroup(ctx, r.arn).includes(input.LoadBalancerArn!));
  }
  if (input.TargetGroupArns?.length) {
    const missing = input.TargetGroupArns.filter((a) => !rows.some((r) => r.arn === a));
    if (missing.length) throw targetGroupNotFound(`Target groups '[${missing.join(', ')}]' not found`);
    rows = rows.filter((r) => input.TargetGroupArns!.includes(r.arn));
  }
  if (input.Names?.length) {
    const missing = input.Names.filter((n) => !rows.some((r) => r.name === n));
    if (missing.length) throw targetGroupNotFound(`One or more target groups not found`);
    rows = rows.filter((r) => input.Names!.includes(r.name));
  }
  const { items, next } = page(rows, input.Marker, input.PageSize);
  return { TargetGroups: items.map((r) => targetGroupOutput(ctx, r)), ...(next ? { NextMarker: next } : {}) };
};
