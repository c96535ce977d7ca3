import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { policyArn } from './state/names';
import { findPolicy, type PolicySpec } from './state/policies';
import { syncAlarms, trackingAlarms } from './state/target-tracking';

const TYPES = ['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'];
const ADJUSTMENTS = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'];

export const PutScalingPolicy = (ctx: Ctx, input: OperationInput<'autoscaling', 'PutScalingPolicy'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const type = (input.PolicyType ?? 'SimpleScaling') as PolicySpec['PolicyType'];
  if (!TYPES.includes(type)) throw validationError(`Invalid policy type: ${type}. Nimbus Lab simulates SimpleScaling, StepScaling and TargetTrackingScaling`);
  if (type !== 'TargetTrackingScaling') {
    if (!input.AdjustmentType) throw validationError('AdjustmentType is required for SimpleScaling and StepScaling policies.');
    if (!ADJUSTMENTS.includes(input.AdjustmentType)) throw validationError(`Invalid adjustment type: ${input.AdjustmentType}`);
  }
  if (type === 'SimpleScaling' && input.ScalingAdjustment === undefined) throw validationError('ScalingAdjustment is required for SimpleScaling policy.');
  if (type === 'StepScaling' && !input.StepAdjustments?.length) throw validationError('StepAdjustments is required for StepScaling policy.');
  if (type === 'TargetTrackingScaling' && !input.TargetTrackingConfiguration) throw validationError('TargetTrackingConfiguration is required for TargetTrackingScaling policy.');
  const spec: PolicySpec = {
    PolicyType: type,
    ...(input.AdjustmentType ? { AdjustmentType: input.AdjustmentType } : {}),
    ...(input.ScalingAdjustment !== undefined ? { ScalingAdjustment: input.ScalingAdjustment } : {}),
    ...(input.MinAdjustmentMagnitude !== undefined ? { MinAdjustmentMagnitude: input.MinAdjustmentMagnitude } : {}),
    ...(input.Cooldown !== undefined ? { Cooldown: input.Cooldown } : {}),
    ...(input.MetricAggregationType ? { MetricAggregationType: input.MetricAggregationType } : {}),
    ...(input.StepAdjustments ? { StepAdjustments: input.StepAdjustments } : {}),
    ...(input.EstimatedInstanceWarmup !== undefined ? { EstimatedInstanceWarmup: input.EstimatedInstanceWarmup } : {}),
    ...(input.TargetTrackingConfiguration ? { TargetTrackingConfiguration: input.TargetTrackingConfiguration as PolicySpec['TargetTrackingConfiguration'] } : {}),
    ...(input.Enabled !== undefined ? { Enabled: input.Enabled } : {}),
  };
  const existing = findPolicy(ctx, input.PolicyName, g.name);
  const arn = existing?.arn ?? policyArn(ctx, g.name, input.PolicyName);
  const oldAlarms = existing && (JSON.parse(existing.spec) as PolicySpec).PolicyType === 'TargetTrackingScaling' ? (JSON.parse(existing.alarms) as { AlarmName: string }[]).map((a) => a.AlarmName) : [];
  const alarms = type === 'TargetTrackingScaling' ? trackingAlarms(ctx, g.name, arn, spec) : [];
  const keptAlarms = type === 'TargetTrackingScaling' ? alarms.map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmARN })) : existing ? (JSON.parse(existing.alarms) as unknown[]) : [];
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_policies (account_id, region, group_name, name, arn, spec, alarms) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, group_name, name) DO UPDATE SET spec = excluded.spec, alarms = excluded.alarms`,
    )
    .run(ctx.accountId, ctx.region, g.name, input.PolicyName, arn, JSON.stringify(spec), JSON.stringify(keptAlarms));
  syncAlarms(ctx, alarms, oldAlarms);
  return { PolicyARN: arn, ...(type === 'TargetTrackingScaling' ? { Alarms: keptAlarms } : {}) };
};
