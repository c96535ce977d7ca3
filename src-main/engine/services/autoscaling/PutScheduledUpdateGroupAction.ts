import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { nextRun, parseCron } from './state/cron';
import { getGroup } from './state/groups';
import { scheduledActionArn } from './state/names';

export const PutScheduledUpdateGroupAction = (ctx: Ctx, input: OperationInput<'autoscaling', 'PutScheduledUpdateGroupAction'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  if (input.MinSize === undefined && input.MaxSize === undefined && input.DesiredCapacity === undefined)
    throw validationError('At least one of MinSize, MaxSize or DesiredCapacity must be specified.');
  if (input.TimeZone && input.TimeZone !== 'UTC' && input.TimeZone !== 'Etc/UTC') throw validationError(`Time zones other than UTC are not simulated in Nimbus Lab (got ${input.TimeZone})`);
  const now = ctx.clock.now();
  const start = (input.StartTime ?? input.Time) ? new Date(input.StartTime ?? input.Time!).getTime() : undefined;
  const end = input.EndTime ? new Date(input.EndTime).getTime() : undefined;
  let next: number | undefined;
  if (input.Recurrence) {
    const cron = parseCron(input.Recurrence);
    if (!cron) throw validationError(`Given recurrence string '${input.Recurrence}' is not a valid cron expression`);
    next = nextRun(cron, Math.max(now, (start ?? now) - 60_000));
  } else {
    if (start === undefined) throw validationError('Either Recurrence or StartTime must be specified.');
    if (start < now) throw validationError(`Given start time is in the past`);
    next = start;
  }
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_scheduled_actions (account_id, region, group_name, name, arn, start_time, end_time, recurrence, min_size, max_size, desired, next_run)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, group_name, name) DO UPDATE SET start_time = excluded.start_time, end_time = excluded.end_time,
         recurrence = excluded.recurrence, min_size = excluded.min_size, max_size = excluded.max_size, desired = excluded.desired, next_run = excluded.next_run`,
    )
    .run(ctx.accountId, ctx.region, g.name, input.ScheduledActionName, scheduledActionArn(ctx, g.name, input.ScheduledActionName), start ?? null, end ?? null, input.Recurrence ?? null, input.MinSize ?? null, input.MaxSize ?? null, input.DesiredCapacity ?? null, next ?? null);
  return {};
};
