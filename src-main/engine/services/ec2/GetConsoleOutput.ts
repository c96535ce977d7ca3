import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { catchUp } from './state/instance-lifecycle';
import { getInstance } from './state/instances';

/** The instance's system log (§3.2), base64 as EC2 returns it. */
export function GetConsoleOutput(ctx: Ctx, input: Ec2Input<'GetConsoleOutput'>): Ec2Output<'GetConsoleOutput'> {
  catchUp(ctx);
  const inst = getInstance(ctx, input.InstanceId);
  checkDryRun(input);
  return {
    InstanceId: inst.instance_id,
    Timestamp: ctx.clock.date(),
    Output: inst.console_output ? Buffer.from(inst.console_output, 'utf8').toString('base64') : undefined,
  };
}
