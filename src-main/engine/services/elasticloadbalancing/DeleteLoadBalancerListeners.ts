import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { getClassic, json, type ClassicHealthCheck, type ClassicListener } from './state/load-balancers';

/** Ports without a listener are ignored, as on AWS. */
export const DeleteLoadBalancerListeners = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DeleteLoadBalancerListeners'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const next = json<ClassicListener[]>(lb.listeners).filter((l) => !input.LoadBalancerPorts.includes(l.LoadBalancerPort));
  classicBacking.setListeners(ctx, lb.backing_arn, lb.name, next, json<ClassicHealthCheck>(lb.health_check), json<string[]>(lb.instances));
  ctx.store.stmt('UPDATE elb_load_balancers SET listeners = ? WHERE id = ?').run(JSON.stringify(next), lb.id);
  return {};
};
