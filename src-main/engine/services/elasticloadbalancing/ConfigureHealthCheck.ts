import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { checkHealthCheck, getClassic } from './state/load-balancers';

export const ConfigureHealthCheck = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'ConfigureHealthCheck'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const hc = checkHealthCheck(input.HealthCheck);
  classicBacking.setHealthCheck(ctx, lb.name, hc);
  ctx.store.stmt('UPDATE elb_load_balancers SET health_check = ? WHERE id = ?').run(JSON.stringify(hc), lb.id);
  return { HealthCheck: hc };
};
