import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { invalidInstance } from './errors';
import { getClassic, json } from './state/load-balancers';

export const DeregisterInstancesFromLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'DeregisterInstancesFromLoadBalancer'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const have = json<string[]>(lb.instances);
  const ids = input.Instances.map((i) => i.InstanceId ?? '');
  const missing = ids.filter((id) => !have.includes(id));
  if (missing.length) throw invalidInstance(`The requested instance(s) ${missing.join(', ')} is not registered with the load balancer.`);
  const next = have.filter((id) => !ids.includes(id));
  classicBacking.deregisterInstances(ctx, lb.name, ids);
  ctx.store.stmt('UPDATE elb_load_balancers SET instances = ? WHERE id = ?').run(JSON.stringify(next), lb.id);
  return { Instances: next.map((id) => ({ InstanceId: id })) };
};
