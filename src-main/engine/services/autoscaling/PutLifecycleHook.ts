import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';
import { kick } from './state/kick';
import { putHook } from './state/lifecycle-hooks';

/** Creates or updates a hook; a new notification target gets AWS's test message. */
export const PutLifecycleHook = (ctx: Ctx, input: OperationInput<'autoscaling', 'PutLifecycleHook'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  putHook(ctx, g, input);
  kick(ctx, g.name);
  return {};
};
