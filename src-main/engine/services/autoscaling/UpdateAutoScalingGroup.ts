import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { checkPlacement, checkSizes } from './state/checks';
import { getGroup, setDesired } from './state/groups';
import { kick } from './state/kick';
import { getLaunchConfiguration } from './state/launch-configurations';
import { checkLaunchTemplate } from './state/launch-templates';

export const UpdateAutoScalingGroup = (ctx: Ctx, input: OperationInput<'autoscaling', 'UpdateAutoScalingGroup'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const min = input.MinSize ?? g.min_size;
  const max = input.MaxSize ?? g.max_size;
  if (min > max) throw validationError(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  // Without a desired capacity, AWS moves it into the new bounds.
  const desired = input.DesiredCapacity ?? Math.min(max, Math.max(min, g.desired));
  checkSizes(min, max, desired);
  if (input.LaunchConfigurationName && input.LaunchTemplate) throw validationError('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
  // Switching to a launch configuration drops the template and the other way round.
  const lc = input.LaunchConfigurationName ? getLaunchConfiguration(ctx, input.LaunchConfigurationName).name : input.LaunchTemplate ? null : g.launch_configuration;
  const lt = input.LaunchTemplate ? JSON.stringify(checkLaunchTemplate(ctx, input.LaunchTemplate)) : input.LaunchConfigurationName ? null : g.launch_template;
  const placement = input.VPCZoneIdentifier || input.AvailabilityZones?.length ? checkPlacement(ctx, input.VPCZoneIdentifier, input.AvailabilityZones) : undefined;
  const healthType = input.HealthCheckType ?? g.health_check_type;
  if (!['EC2', 'ELB'].includes(healthType)) throw validationError(`Invalid health check type: ${healthType}`);
  ctx.store
    .stmt(
      `UPDATE autoscaling_groups SET launch_configuration = ?, launch_template = ?, default_cooldown = ?, zones = ?, subnets = ?, health_check_type = ?, grace_period = ?,
         termination_policies = ?, protect_new = ? WHERE account_id = ? AND region = ? AND name = ?`,
    )
    .run(
      lc, lt, input.DefaultCooldown ?? g.default_cooldown, placement ? JSON.stringify(placement.zones) : g.zones, placement ? JSON.stringify(placement.subnets) : g.subnets,
      healthType, input.HealthCheckGracePeriod ?? g.grace_period, input.TerminationPolicies ? JSON.stringify(input.TerminationPolicies) : g.termination_policies,
      input.NewInstancesProtectedFromScaleIn === undefined ? g.protect_new : input.NewInstancesProtectedFromScaleIn ? 1 : 0, ctx.accountId, ctx.region, g.name,
    );
  setDesired(ctx, g, desired, `a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`, { min, max });
  kick(ctx, g.name);
  return {};
};
