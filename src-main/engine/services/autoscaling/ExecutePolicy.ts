import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { scalingActivityInProgress, validationError } from './errors';
import { getGroup, setDesired } from './state/groups';
import { kick } from './state/kick';
import { desiredAfter, findPolicy, type PolicySpec } from './state/policies';

/**
 * Runs a policy now: a learner's call, or a CloudWatch alarm action (the monitoring service calls
 * this with the metric's value and the alarm's threshold). Target tracking policies run only from
 * their own alarms, as on AWS.
 */
export const ExecutePolicy = (ctx: Ctx, input: OperationInput<'autoscaling', 'ExecutePolicy'>) => {
  const p = findPolicy(ctx, input.PolicyName, input.AutoScalingGroupName);
  if (!p) throw validationError(`No scaling policy found for the policy name ${input.PolicyName}`);
  const g = getGroup(ctx, p.group_name);
  const spec = JSON.parse(p.spec) as PolicySpec;
  const byAlarm = ctx.principal.type === 'service' && ctx.principal.userId !== 'autoscaling.amazonaws.com';
  if (spec.PolicyType === 'TargetTrackingScaling' && !byAlarm) throw validationError('ExecutePolicy cannot be used to execute a target tracking scaling policy.');
  if (spec.Enabled === false) throw validationError(`The policy ${p.name} is disabled.`);
  const now = ctx.clock.now();
  if (spec.PolicyType === 'SimpleScaling' && (input.HonorCooldown ?? false) && now < g.cooldown_until)
    throw scalingActivityInProgress(`Scaling activity for AutoScalingGroup ${g.name} is in cooldown.`);
  const wanted = Math.min(g.max_size, Math.max(g.min_size, desiredAfter(spec, g, { value: input.MetricValue, threshold: input.BreachThreshold })));
  if (wanted === g.desired) return {};
  setDesired(ctx, g, wanted, byAlarm ? `a CloudWatch alarm in state ALARM triggered policy ${p.name}` : `a user request executed policy ${p.name}`);
  if (spec.PolicyType === 'SimpleScaling')
    ctx.store.stmt('UPDATE autoscaling_groups SET cooldown_until = ? WHERE account_id = ? AND region = ? AND name = ?').run(now + (spec.Cooldown ?? g.default_cooldown) * 1000, ctx.accountId, ctx.region, g.name);
  kick(ctx, g.name);
  return {};
};
