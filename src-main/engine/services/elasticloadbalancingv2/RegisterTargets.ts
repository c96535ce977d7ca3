import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { buildNetworkWorld } from '../ec2/index';
import { invalidTarget, validationError } from './errors';
import { getTargetGroup } from './state/target-groups';
import { registerTarget } from './state/targets';

/** Instances must be running and in the group's VPC; a target without a port takes the group's. */
export const RegisterTargets = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'RegisterTargets'>) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn);
  const world = buildNetworkWorld(ctx);
  const notRunning: string[] = [];
  const resolved = input.Targets.map((t) => {
    const port = t.Port ?? tg.port;
    if (port === null || port === undefined) throw validationError('A port must be specified');
    if (tg.target_type === 'instance') {
      if (!/^i-[0-9a-f]{8,17}$/.test(t.Id)) throw validationError(`The target '${t.Id}' is not a valid instance ID`);
      const inst = world.instances.find((i) => i.id === t.Id);
      if (!inst) throw invalidTarget(`The following targets are not valid instances: '${t.Id}'`);
      if (inst.state !== 'running') notRunning.push(t.Id);
      const eni = world.interfaces.find((n) => n.instanceId === t.Id && (n.deviceIndex ?? 0) === 0);
      if (eni && eni.vpcId !== tg.vpc_id) throw invalidTarget(`The following targets are not in the target group VPC '${tg.vpc_id}': '${t.Id}'`);
      const zone = eni ? (world.subnets.find((s) => s.id === eni.subnetId)?.zone ?? null) : null;
      return { id: t.Id, port, zone };
    }
    return { id: t.Id, port, zone: t.AvailabilityZone ?? null };
  });
  if (notRunning.length) throw invalidTarget(`The following targets are not in a running state and cannot be registered: '${notRunning.join(', ')}'`);
  for (const r of resolved) registerTarget(ctx, tg, r.id, r.port, r.zone);
  return {};
};
