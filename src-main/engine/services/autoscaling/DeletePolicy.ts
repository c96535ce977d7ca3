import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { findPolicy, type PolicySpec } from './state/policies';
import { syncAlarms } from './state/target-tracking';

export const DeletePolicy = (ctx: Ctx, input: OperationInput<'autoscaling', 'DeletePolicy'>) => {
  const p = findPolicy(ctx, input.PolicyName, input.AutoScalingGroupName);
  if (!p) throw validationError(`No scaling policy found for the policy name ${input.PolicyName}`);
  ctx.store.stmt('DELETE FROM autoscaling_policies WHERE arn = ?').run(p.arn);
  if ((JSON.parse(p.spec) as PolicySpec).PolicyType === 'TargetTrackingScaling') syncAlarms(ctx, [], (JSON.parse(p.alarms) as { AlarmName: string }[]).map((a) => a.AlarmName));
  return {};
};
