import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { duplicateListener } from './errors';
import { checkListeners, getClassic, json, type ClassicHealthCheck, type ClassicListener } from './state/load-balancers';

/** Adds listeners; one identical to an existing listener is accepted again, a different one on the same port is refused. */
export const CreateLoadBalancerListeners = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'CreateLoadBalancerListeners'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const have = json<ClassicListener[]>(lb.listeners);
  const added = checkListeners(input.Listeners);
  const next = [...have];
  for (const l of added) {
    const same = have.find((h) => h.LoadBalancerPort === l.LoadBalancerPort);
    if (same && JSON.stringify(same) !== JSON.stringify(l)) throw duplicateListener(l.LoadBalancerPort);
    if (!same) next.push(l);
  }
  classicBacking.setListeners(ctx, lb.backing_arn, lb.name, next, json<ClassicHealthCheck>(lb.health_check), json<string[]>(lb.instances));
  ctx.store.stmt('UPDATE elb_load_balancers SET listeners = ? WHERE id = ?').run(JSON.stringify(next), lb.id);
  return {};
};
