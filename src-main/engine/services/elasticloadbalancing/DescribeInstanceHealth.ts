import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { invalidInstance } from './errors';
import { getClassic, json, type ClassicHealthCheck } from './state/load-balancers';

/** InService once the health check passed; OutOfService with the reason otherwise. */
export const DescribeInstanceHealth = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DescribeInstanceHealth'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const registered = json<string[]>(lb.instances);
  const asked = (input.Instances ?? []).map((i) => i.InstanceId ?? '');
  for (const id of asked) if (!registered.includes(id)) throw invalidInstance(`Could not find EC2 instance ${id}.`);
  const hc = json<ClassicHealthCheck>(lb.health_check);
  return { InstanceStates: (asked.length ? asked : registered).map((id) => ({ InstanceId: id, ...classicBacking.instanceHealth(ctx, lb.name, hc, id) })) };
};
