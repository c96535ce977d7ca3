import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { cannotStart } from './errors';
import { changeOutput } from './state/instance-actions';
import { catchUp } from './state/instance-lifecycle';
import { getInstances } from './state/instances';
import { startInstance } from './state/launch';

/** Starts stopped instances: pending, then running with a new public address (§3.4). */
export function StartInstances(ctx: Ctx, input: Ec2Input<'StartInstances'>): Ec2Output<'StartInstances'> {
  catchUp(ctx);
  const rows = getInstances(ctx, input.InstanceIds);
  for (const r of rows) if (r.state !== 'stopped' && r.state !== 'pending' && r.state !== 'running') throw cannotStart(r.instance_id);
  checkDryRun(input);
  return {
    StartingInstances: rows.map((r) => changeOutput(r, r.state === 'stopped' ? startInstance(ctx, r) : r)),
  };
}
