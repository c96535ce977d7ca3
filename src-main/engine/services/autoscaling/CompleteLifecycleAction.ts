import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { kick } from './state/kick';
import { findAction } from './state/lifecycle-hooks';

/** Records the hook's result; the reconciler moves the instance on (InService, or termination). */
export const CompleteLifecycleAction = (ctx: Ctx, input: OperationInput<'autoscaling', 'CompleteLifecycleAction'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  if (input.LifecycleActionResult !== 'CONTINUE' && input.LifecycleActionResult !== 'ABANDON')
    throw validationError(`Invalid value '${input.LifecycleActionResult}' for LifecycleActionResult. Valid values are CONTINUE and ABANDON.`);
  const a = findAction(ctx, input);
  ctx.store.stmt('UPDATE autoscaling_lifecycle_actions SET result = ? WHERE token = ?').run(input.LifecycleActionResult, a.token);
  kick(ctx, g.name);
  return {};
};
