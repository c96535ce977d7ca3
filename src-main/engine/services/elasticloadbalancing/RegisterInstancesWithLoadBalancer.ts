import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { buildNetworkWorld } from '../ec2/index';
import { classicBacking } from '../elasticloadbalancingv2/index';
import { invalidInstance } from './errors';
import { getClassic, json } from './state/load-balancers';

/** Instances must exist in the load balancer's VPC; registering one twice changes nothing. */
export const RegisterInstancesWithLoadBalancer = (ctx: Ctx, input: OperationInput<'elasticloadbalancing', 'RegisterInstancesWithLoadBalancer'>) => {
  const lb = getClassic(ctx, input.LoadBalancerName);
  const world = buildNetworkWorld(ctx);
  const ids = input.Instances.map((i) => i.InstanceId ?? '');
  for (const id of ids) {
    const inst = world.instances.find((i) => i.id === id);
    if (!inst || inst.state === 'terminated') throw invalidInstance(`The requested instance(s) ${id} is not valid.`);
    const eni = world.interfaces.find((n) => n.instanceId === id && (n.deviceIndex ?? 0) === 0);
    if (eni && eni.vpcId !== lb.vpc_id) throw invalidInstance(`EC2 instance ${id} is not in the same VPC as ELB.`);
  }
  const next = [...new Set([...json<string[]>(lb.instances), ...ids])];
  classicBacking.registerInstances(ctx, lb.name, ids);
  ctx.store.stmt('UPDATE elb_load_balancers SET instances = ? WHERE id = ?').run(JSON.stringify(next), lb.id);
  return { Instances: next.map((id) => ({ InstanceId: id })) };
};
