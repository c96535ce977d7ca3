/** Scaling policies: simple, step and target tracking, and what executing one does to the desired capacity. */
import type { Ctx } from '../../../core/provider';
import { validationError } from '../errors';
import type { GroupRow } from './groups';

export interface PolicySpec {
  PolicyType: 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling';
  AdjustmentType?: string;
  ScalingAdjustment?: number;
  MinAdjustmentMagnitude?: number;
  Cooldown?: number;
  MetricAggregationType?: string;
  StepAdjustments?: { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }[];
  EstimatedInstanceWarmup?: number;
  TargetTrackingConfiguration?: {
    PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string };
    CustomizedMetricSpecification?: Record<string, unknown>;
    TargetValue: number;
    DisableScaleIn?: boolean;
  };
  Enabled?: boolean;
}

export interface PolicyRow {
  account_id: string;
  region: string;
  group_name: string;
  name: string;
  arn: string;
  spec: string;
  alarms: string;
}

export const policiesOf = (ctx: Ctx, group?: string): PolicyRow[] =>
  (group
    ? ctx.store.stmt('SELECT * FROM autoscaling_policies WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY name').all(ctx.accountId, ctx.region, group)
    : ctx.store.stmt('SELECT * FROM autoscaling_policies WHERE account_id = ? AND region = ? ORDER BY group_name, name').all(ctx.accountId, ctx.region)) as PolicyRow[];

/** A policy by ARN, or by name within a group. */
export function findPolicy(ctx: Ctx, nameOrArn: string, group?: string): PolicyRow | undefined {
  if (nameOrArn.startsWith('arn:')) return ctx.store.stmt('SELECT * FROM autoscaling_policies WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, nameOrArn) as PolicyRow | undefined;
  return policiesOf(ctx, group).find((p) => p.name === nameOrArn);
}

function adjust(type: string | undefined, current: number, by: number, minMagnitude: number | undefined): number {
  if (type === 'ExactCapacity') return by;
  if (type === 'PercentChangeInCapacity') {
    let delta = (current * by) / 100;
    delta = delta > 0 ? Math.floor(delta) : Math.ceil(delta);
    if (delta === 0) delta = by > 0 ? 1 : -1;
    if (minMagnitude && Math.abs(delta) < minMagnitude) delta = Math.sign(delta) * minMagnitude;
    return current + delta;
  }
  return current + by;
}

/** The desired capacity executing the policy asks for (before the group's bounds). */
export function desiredAfter(spec: PolicySpec, g: GroupRow, metric?: { value?: number; threshold?: number }): number {
  if (spec.PolicyType === 'SimpleScaling') return adjust(spec.AdjustmentType, g.desired, spec.ScalingAdjustment ?? 0, spec.MinAdjustmentMagnitude);
  if (spec.PolicyType === 'StepScaling') {
    if (metric?.value === undefined) throw validationError('MetricValue is required for step scaling policies.');
    if (metric.threshold === undefined) throw validationError('BreachThreshold is required for step scaling policies.');
    const diff = metric.value - metric.threshold;
    const step = (spec.StepAdjustments ?? []).find((s) => (s.MetricIntervalLowerBound === undefined || diff >= s.MetricIntervalLowerBound) && (s.MetricIntervalUpperBound === undefined || diff < s.MetricIntervalUpperBound));
    if (!step) return g.desired;
    return adjust(spec.AdjustmentType, g.desired, step.ScalingAdjustment, spec.MinAdjustmentMagnitude);
  }
  // Target tracking: capacity in proportion to how far the metric is from the target.
  const target = spec.TargetTrackingConfiguration?.TargetValue ?? 0;
  if (metric?.value === undefined || target <= 0) return g.desired;
  const wanted = Math.ceil((Math.max(1, g.desired) * metric.value) / target);
  if (wanted < g.desired && spec.TargetTrackingConfiguration?.DisableScaleIn) return g.desired;
  return wanted;
}

export function policyOutput(p: PolicyRow) {
  const s = JSON.parse(p.spec) as PolicySpec;
  return {
    AutoScalingGroupName: p.group_name,
    PolicyName: p.name,
    PolicyARN: p.arn,
    PolicyType: s.PolicyType,
    ...(s.AdjustmentType ? { AdjustmentType: s.AdjustmentType } : {}),
    ...(s.ScalingAdjustment !== undefined ? { ScalingAdjustment: s.ScalingAdjustment } : {}),
    ...(s.MinAdjustmentMagnitude !== undefined ? { MinAdjustmentMagnitude: s.MinAdjustmentMagnitude } : {}),
    ...(s.Cooldown !== undefined ? { Cooldown: s.Cooldown } : {}),
    StepAdjustments: s.StepAdjustments ?? [],
    ...(s.PolicyType === 'StepScaling' ? { MetricAggregationType: s.MetricAggregationType ?? 'Average' } : {}),
    ...(s.EstimatedInstanceWarmup !== undefined ? { EstimatedInstanceWarmup: s.EstimatedInstanceWarmup } : {}),
    Alarms: JSON.parse(p.alarms) as { AlarmName: string; AlarmARN: string }[],
    ...(s.TargetTrackingConfiguration ? { TargetTrackingConfiguration: s.TargetTrackingConfiguration } : {}),
    Enabled: s.Enabled ?? true,
  };
}
