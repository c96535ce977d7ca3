import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceInUse } from './errors';
import { getLaunchConfiguration } from './state/launch-configurations';

export const DeleteLaunchConfiguration = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeleteLaunchConfiguration'>) => {
  const lc = getLaunchConfiguration(ctx, input.LaunchConfigurationName);
  const user = ctx.store.stmt('SELECT name FROM autoscaling_groups WHERE account_id = ? AND region = ? AND launch_configuration = ?').get(ctx.accountId, ctx.region, lc.name) as { name: string } | undefined;
  if (user) throw resourceInUse(`Cannot delete launch configuration ${lc.name} because it is attached to AutoScalingGroup ${user.name}`);
  ctx.store.stmt('DELETE FROM autoscaling_launch_configurations WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, lc.name);
  return {};
};
