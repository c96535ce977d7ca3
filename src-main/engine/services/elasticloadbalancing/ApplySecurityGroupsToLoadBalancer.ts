import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { buildNetworkWorld } from '../ec2/index';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { checkGroups, getClassic } from './state/load-balancers';

/** Replaces the groups; the nodes' traffic is checked against the new ones from the next connection. */
export const ApplySecurityGroupsToLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'ApplySecurityGroupsToLoadBalancer'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const groups = checkGroups(ctx, buildNetworkWorld(ctx), lb.vpc_id, input.SecurityGroups);
  classicBacking.setSecurityGroups(ctx, lb.backing_arn, groups);
  ctx.store.stmt('UPDATE elb_load_balancers SET security_groups = ? WHERE id = ?').run(JSON.stringify(groups), lb.id);
  return { SecurityGroups: groups };
};
