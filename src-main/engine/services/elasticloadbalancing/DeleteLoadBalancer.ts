import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { findClassic } from './state/load-balancers';
import { dropTags } from './state/tags';

/** Deleting a load balancer that does not exist succeeds, as on AWS; its instances keep running. */
export const DeleteLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DeleteLoadBalancer'>) => {
  const lb = findClassic(ctx, input.LoadBalancerName);
  if (!lb) return {};
  classicBacking.deleteBacking(ctx, lb.backing_arn, lb.name);
  dropTags(ctx, lb.name);
  ctx.store.stmt('DELETE FROM elb_load_balancers WHERE id = ?').run(lb.id);
  return {};
};
