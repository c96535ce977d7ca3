import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { terminationProtected } from './errors';
import { changeOutput, terminateInstance } from './state/instance-actions';
import { catchUp } from './state/instance-lifecycle';
import { getInstances } from './state/instances';

/** Terminates instances: shutting-down, then terminated; visible for an hour more, then gone. */
export function TerminateInstances(ctx: Ctx, input: Ec2Input<'TerminateInstances'>): Ec2Output<'TerminateInstances'> {
  catchUp(ctx);
  const rows = getInstances(ctx, input.InstanceIds);
  for (const r of rows) if (r.disable_api_termination === 1 && r.state !== 'terminated') throw terminationProtected(r.instance_id);
  checkDryRun(input);
  return { TerminatingInstances: rows.map((r) => changeOutput(r, terminateInstance(ctx, r))) };
}
