import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { scalingActivityInProgress } from './errors';
import { getGroup, setDesired } from './state/groups';
import { kick } from './state/kick';

export const SetDesiredCapacity = (ctx: Ctx, input: OperationInput<'autoscaling', 'SetDesiredCapacity'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  if (input.HonorCooldown && ctx.clock.now() < g.cooldown_until) throw scalingActivityInProgress('Scaling activity is in progress and blocks this action.');
  setDesired(ctx, g, input.DesiredCapacity, 'a user request explicitly set group desired capacity');
  kick(ctx, g.name);
  return {};
};
