import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';
import { findAction, hooksOf } from './state/lifecycle-hooks';

/** Restarts the heartbeat timeout (never past the global timeout). */
export const RecordLifecycleActionHeartbeat = (ctx: Ctx, input: OperationInput<'autoscaling', 'RecordLifecycleActionHeartbeat'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const a = findAction(ctx, input);
  const hook = hooksOf(ctx, g.name).find((h) => h.name === a.hook_name)!;
  ctx.store.stmt('UPDATE autoscaling_lifecycle_actions SET deadline = ? WHERE token = ?').run(ctx.clock.now() + hook.heartbeat_timeout * 1000, a.token);
  return {};
};
