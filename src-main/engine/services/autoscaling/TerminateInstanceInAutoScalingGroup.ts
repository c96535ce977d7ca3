import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { activityOutput, addActivity, type ActivityRow } from './state/activities';
import { getGroup } from './state/groups';
import { findGroupInstance } from './state/instances';
import { kick } from './state/kick';
import { stamp } from './state/names';

/** The instance is marked Terminating now; the reconciler terminates it (and, without the decrement, replaces it). */
export const TerminateInstanceInAutoScalingGroup = (ctx: Ctx, input: OperationInput<'autoscaling', 'TerminateInstanceInAutoScalingGroup'>) => {
  const inst = findGroupInstance(ctx, input.InstanceId);
  if (!inst) throw validationError(`Instance Id not found - No managed instance found for instance ID: ${input.InstanceId}`);
  const g = getGroup(ctx, inst.group_name);
  const at = stamp(ctx.clock.now());
  let cause = `At ${at} instance ${inst.instance_id} was taken out of service in response to a user request.`;
  if (input.ShouldDecrementDesiredCapacity) {
    if (g.desired - 1 < g.min_size) throw validationError(`Currently, desiredSize equals minSize (${g.min_size}). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`);
    cause = `At ${at} instance ${inst.instance_id} was taken out of service in response to a user request, shrinking the capacity from ${g.desired} to ${g.desired - 1}.`;
    ctx.store.stmt('UPDATE autoscaling_groups SET desired = ? WHERE account_id = ? AND region = ? AND name = ?').run(g.desired - 1, ctx.accountId, ctx.region, g.name);
  }
  const id = addActivity(ctx, { group: g.name, description: `Terminating EC2 instance: ${inst.instance_id}`, cause, status: 'InProgress', details: { 'Subnet ID': '', 'Availability Zone': inst.zone } });
  // The reconciler terminates it through EC2 and, without the decrement, launches its replacement.
  ctx.store.stmt("UPDATE autoscaling_instances SET lifecycle = 'Terminating' WHERE account_id = ? AND region = ? AND instance_id = ?").run(ctx.accountId, ctx.region, inst.instance_id);
  kick(ctx, g.name);
  const row = ctx.store.stmt('SELECT * FROM autoscaling_activities WHERE activity_id = ?').get(id) as ActivityRow;
  return { Activity: activityOutput(row) };
};
