import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { alreadyExists, validationError } from './errors';
import { checkLoadBalancers, checkPlacement, checkSizes, checkTargetGroups } from './state/checks';
import { findGroup, putTag } from './state/groups';
import { kick } from './state/kick';
import { putHook } from './state/lifecycle-hooks';
import { getLaunchConfiguration } from './state/launch-configurations';
import { checkLaunchTemplate } from './state/launch-templates';
import { groupArn, stamp } from './state/names';

/** The group is recorded with its desired capacity; the reconciler launches its instances right after the call. */
export const CreateAutoScalingGroup = (ctx: Ctx, input: OperationInput<'autoscaling', 'CreateAutoScalingGroup'>) => {
  const name = input.AutoScalingGroupName;
  if (findGroup(ctx, name)) throw alreadyExists(`AutoScalingGroup by this name already exists - A group with the name ${name} already exists`);
  // A mixed instances policy launches its template (its overrides and spot split are not simulated).
  const ltSpec = input.LaunchTemplate ?? input.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (!input.LaunchConfigurationName && !ltSpec)
    throw validationError('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
  if (input.LaunchConfigurationName && ltSpec)
    throw validationError('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
  const lc = input.LaunchConfigurationName ? getLaunchConfiguration(ctx, input.LaunchConfigurationName) : undefined;
  const lt = ltSpec ? checkLaunchTemplate(ctx, ltSpec) : undefined;
  const desired = input.DesiredCapacity ?? input.MinSize;
  checkSizes(input.MinSize, input.MaxSize, desired);
  const placement = checkPlacement(ctx, input.VPCZoneIdentifier, input.AvailabilityZones);
  const tgs = input.TargetGroupARNs ?? [];
  checkTargetGroups(ctx, tgs);
  checkLoadBalancers(ctx, input.LoadBalancerNames ?? []);
  const healthType = input.HealthCheckType ?? 'EC2';
  if (!['EC2', 'ELB'].includes(healthType)) throw validationError(`Invalid health check type: ${healthType}`);
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_groups (account_id, region, name, arn, launch_configuration, launch_template, min_size, max_size, desired, default_cooldown,
         zones, subnets, target_groups, load_balancers, health_check_type, grace_period, termination_policies, protect_new, suspended, enabled_metrics,
         created_at, pending_cause)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?)`,
    )
    .run(
      ctx.accountId, ctx.region, name, groupArn(ctx, name), lc?.name ?? null, lt ? JSON.stringify(lt) : null, input.MinSize, input.MaxSize, desired, input.DefaultCooldown ?? 300,
      JSON.stringify(placement.zones), JSON.stringify(placement.subnets), JSON.stringify(tgs), JSON.stringify(input.LoadBalancerNames ?? []), healthType,
      input.HealthCheckGracePeriod ?? (healthType === 'ELB' ? 300 : 0), JSON.stringify(input.TerminationPolicies ?? ['Default']),
      input.NewInstancesProtectedFromScaleIn ? 1 : 0, now,
      desired > 0 ? `At ${stamp(now)} a user request created an AutoScalingGroup changing the desired capacity from 0 to ${desired}.` : null,
    );
  for (const t of input.Tags ?? []) putTag(ctx, name, t.Key, t.Value ?? '', t.PropagateAtLaunch ?? false);
  // Hooks given with the group hold its very first instances too.
  for (const h of input.LifecycleHookSpecificationList ?? []) putHook(ctx, { name, arn: findGroup(ctx, name)!.arn }, h);
  kick(ctx, name);
  return {};
};
