import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';

export const DeleteScheduledAction = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeleteScheduledAction'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const r = ctx.store.stmt('DELETE FROM autoscaling_scheduled_actions WHERE account_id = ? AND region = ? AND group_name = ? AND name = ?').run(ctx.accountId, ctx.region, g.name, input.ScheduledActionName);
  if (r.changes === 0) throw validationError(`Scheduled Update Group Action name not found - Could not find scheduled action ${input.ScheduledActionName} for AutoScalingGroup ${g.name}`);
  return {};
};
