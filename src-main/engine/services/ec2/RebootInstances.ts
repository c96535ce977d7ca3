import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { cannotReboot } from './errors';
import { announceStateChange, catchUp } from './state/instance-lifecycle';
import { appendConsoleOutput, getInstances } from './state/instances';

/** Reboots running instances; the state stays running, the guest layer sees a stop and a start. */
export function RebootInstances(ctx: Ctx, input: Ec2Input<'RebootInstances'>): Ec2Output<'RebootInstances'> {
  catchUp(ctx);
  const rows = getInstances(ctx, input.InstanceIds);
  for (const r of rows) if (r.state !== 'running' && r.state !== 'pending') throw cannotReboot(r.instance_id);
  checkDryRun(input);
  const at = ctx.clock.now();
  for (const r of rows) {
    if (r.state !== 'running') continue;
    appendConsoleOutput(ctx, r.instance_id, `\nReboot requested at ${new Date(at).toUTCString()}\n`);
    announceStateChange({ ctx, instanceId: r.instance_id, previous: 'running', current: 'running', at });
  }
  return {};
}
