import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { cannotStop, stopProtected } from './errors';
import { changeOutput, stopInstance } from './state/instance-actions';
import { catchUp } from './state/instance-lifecycle';
import { getInstances } from './state/instances';

/** Stops running instances: stopping, then stopped; the instance store and the public address go (§3.4, §9.2). */
export function StopInstances(ctx: Ctx, input: Ec2Input<'StopInstances'>): Ec2Output<'StopInstances'> {
  catchUp(ctx);
  const rows = getInstances(ctx, input.InstanceIds);
  for (const r of rows) {
    if (r.state === 'terminated' || r.state === 'shutting-down') throw cannotStop(r.instance_id);
    if (r.disable_api_stop === 1) throw stopProtected(r.instance_id);
  }
  checkDryRun(input);
  return { StoppingInstances: rows.map((r) => changeOutput(r, stopInstance(ctx, r))) };
}
