/** What Auto Scaling reads of a Classic Load Balancer (it may not import this folder's state/). */
import type { Ctx } from '../../../core/provider';
import { classicBacking } from '../../elasticloadbalancingv2/index';
import { findClassic, json, type ClassicHealthCheck } from './load-balancers';

export const classicExists = (ctx: Ctx, name: string): boolean => findClassic(ctx, name) !== undefined;

/** InService / OutOfService of a registered instance (undefined: no such load balancer or registration). */
export function classicInstanceState(ctx: Ctx, name: string, instanceId: string): string | undefined {
  const lb = findClassic(ctx, name);
  if (!lb || !json<string[]>(lb.instances).includes(instanceId)) return undefined;
  const h = classicBacking.instanceHealth(ctx, lb.name, json<ClassicHealthCheck>(lb.health_check), instanceId);
  // Still registering is not a failure (as a target group's `initial`).
  return h.ReasonCode === 'ELB' ? 'registering' : h.State;
}
