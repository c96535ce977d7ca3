import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { kick } from './state/kick';

/** Instances waiting on the hook are released with its default result on the next pass. */
export const DeleteLifecycleHook = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeleteLifecycleHook'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const gone = ctx.store
    .stmt('DELETE FROM autoscaling_lifecycle_hooks WHERE account_id = ? AND region = ? AND group_name = ? AND name = ?')
    .run(ctx.accountId, ctx.region, g.name, input.LifecycleHookName).changes;
  if (gone === 0) throw validationError(`No Lifecycle Hook found with name ${input.LifecycleHookName} for group ${g.name}`);
  ctx.store
    .stmt("UPDATE autoscaling_lifecycle_actions SET result = 'CONTINUE' WHERE account_id = ? AND region = ? AND group_name = ? AND hook_name = ? AND result IS NULL")
    .run(ctx.accountId, ctx.region, g.name, input.LifecycleHookName);
  kick(ctx, g.name);
  return {};
};
