import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceInUse, scalingActivityInProgress } from './errors';
import { getGroup } from './state/groups';
import { instancesOf } from './state/instances';
import { kick } from './state/kick';

/** With instances, only ForceDelete deletes: they are terminated first, and the group shows "Delete in progress" until then. */
export const DeleteAutoScalingGroup = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeleteAutoScalingGroup'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  if (g.deleting) throw scalingActivityInProgress('An AutoScalingGroup delete is already in progress for this group.');
  const instances = instancesOf(ctx, g.name);
  if (instances.length === 0) {
    for (const table of ['autoscaling_tags', 'autoscaling_policies', 'autoscaling_scheduled_actions', 'autoscaling_lifecycle_hooks', 'autoscaling_lifecycle_actions'])
      ctx.store.stmt(`DELETE FROM ${table} WHERE account_id = ? AND region = ? AND group_name = ?`).run(ctx.accountId, ctx.region, g.name);
    ctx.store.stmt('DELETE FROM autoscaling_groups WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, g.name);
    return {};
  }
  if (!input.ForceDelete) throw resourceInUse('You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.');
  ctx.store
    .stmt('UPDATE autoscaling_groups SET deleting = 1, min_size = 0, desired = 0, pending_cause = NULL WHERE account_id = ? AND region = ? AND name = ?')
    .run(ctx.accountId, ctx.region, g.name);
  kick(ctx, g.name);
  return {};
};
