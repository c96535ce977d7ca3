import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { AwsError } from '../../protocol/errors';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { instancesOf } from './state/instances';
import { activeRefresh, matchesGroup } from './state/instance-refresh';
import { kick } from './state/kick';
import { checkLaunchTemplate } from './state/launch-templates';

/** A rolling replacement of the group's instances (optionally onto a new launch template first). */
export const StartInstanceRefresh = (ctx: Ctx, input: OperationInput<'autoscaling', 'StartInstanceRefresh'>) => {
  let g = getGroup(ctx, input.AutoScalingGroupName);
  if ((input.Strategy ?? 'Rolling') !== 'Rolling') throw validationError(`Strategy '${input.Strategy ?? ''}' is not valid: the only strategy is Rolling.`);
  if (activeRefresh(ctx, g.name))
    throw new AwsError('InstanceRefreshInProgress', 'An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.', 400);
  const p = input.Preferences ?? {};
  const min = p.MinHealthyPercentage ?? 90;
  if (min < 0 || min > 100) throw validationError('MinHealthyPercentage must be between 0 and 100.');
  const lt = input.DesiredConfiguration?.LaunchTemplate ?? input.DesiredConfiguration?.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  if (lt) {
    ctx.store.stmt('UPDATE autoscaling_groups SET launch_template = ?, launch_configuration = NULL WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(checkLaunchTemplate(ctx, lt)), ctx.accountId, ctx.region, g.name);
    g = getGroup(ctx, g.name);
  }
  const skip = p.SkipMatching ?? false;
  const replace = instancesOf(ctx, g.name)
    .filter((i) => !i.lifecycle.startsWith('Terminating') && !(skip && matchesGroup(g, i)))
    .map((i) => i.instance_id);
  const id = randomUUID();
  ctx.store
    .stmt('INSERT INTO autoscaling_instance_refreshes (account_id, region, group_name, id, status, preferences, to_replace, start_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, g.name, id, 'Pending', JSON.stringify({ MinHealthyPercentage: min, InstanceWarmup: p.InstanceWarmup ?? g.grace_period ?? 0, SkipMatching: skip }), JSON.stringify(replace), ctx.clock.now());
  kick(ctx, g.name);
  return { InstanceRefreshId: id };
};
