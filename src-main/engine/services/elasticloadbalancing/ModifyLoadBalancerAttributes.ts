import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getClassic, json } from './state/load-balancers';

/** Kept and answered back; the simulated nodes always balance across zones and deregister at once. */
export const ModifyLoadBalancerAttributes = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'ModifyLoadBalancerAttributes'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const a = input.LoadBalancerAttributes;
  const idle = a.ConnectionSettings?.IdleTimeout;
  if (idle !== undefined && (idle < 1 || idle > 4000)) throw validationError('IdleTimeout must be between 1 and 4000 seconds.');
  const next = { ...json<Record<string, unknown>>(lb.attributes), ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) };
  ctx.store.stmt('UPDATE elb_load_balancers SET attributes = ? WHERE id = ?').run(JSON.stringify(next), lb.id);
  return { LoadBalancerName: lb.name, LoadBalancerAttributes: next };
};
