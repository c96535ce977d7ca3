/**
 * Target tracking creates and deletes its own CloudWatch alarms, named as AWS names them
 * (TargetTracking-GROUP-AlarmHigh-UUID / -AlarmLow-UUID): high when the metric stays above the
 * target for 3 minutes, low when it stays under 90 % of it for 15. They are written through
 * CloudWatch's API right after the policy's call, as the Auto Scaling service principal.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import type { PolicySpec } from './policies';

export interface TrackingAlarm {
  AlarmName: string;
  AlarmARN: string;
  input: Record<string, unknown>;
}

const PREDEFINED: Record<string, { namespace: string; metric: string; statistic: string; dims: (group: string, label?: string) => { Name: string; Value: string }[] }> = {
  ASGAverageCPUUtilization: { namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average', dims: (g) => [{ Name: 'AutoScalingGroupName', Value: g }] },
  ASGAverageNetworkIn: { namespace: 'AWS/EC2', metric: 'NetworkIn', statistic: 'Average', dims: (g) => [{ Name: 'AutoScalingGroupName', Value: g }] },
  ASGAverageNetworkOut: { namespace: 'AWS/EC2', metric: 'NetworkOut', statistic: 'Average', dims: (g) => [{ Name: 'AutoScalingGroupName', Value: g }] },
  // ResourceLabel: app/LB-NAME/ID/targetgroup/TG-NAME/ID
  ALBRequestCountPerTarget: { namespace: 'AWS/ApplicationELB', metric: 'RequestCountPerTarget', statistic: 'Sum', dims: (_g, label) => [{ Name: 'TargetGroup', Value: label?.slice(label.indexOf('targetgroup/')) ?? '' }] },
};

export function trackingAlarms(ctx: Ctx, group: string, policyArn: string, spec: PolicySpec): TrackingAlarm[] {
  const cfg = spec.TargetTrackingConfiguration;
  if (!cfg) return [];
  const pre = cfg.PredefinedMetricSpecification ? PREDEFINED[cfg.PredefinedMetricSpecification.PredefinedMetricType] : undefined;
  const custom = cfg.CustomizedMetricSpecification as { MetricName?: string; Namespace?: string; Dimensions?: { Name: string; Value: string }[]; Statistic?: string } | undefined;
  const metric = pre
    ? { Namespace: pre.namespace, MetricName: pre.metric, Statistic: pre.statistic, Dimensions: pre.dims(group, cfg.PredefinedMetricSpecification?.ResourceLabel) }
    : { Namespace: custom?.Namespace ?? '', MetricName: custom?.MetricName ?? '', Statistic: custom?.Statistic ?? 'Average', Dimensions: custom?.Dimensions ?? [] };
  const arn = (name: string) => `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}`;
  const high = `TargetTracking-${group}-AlarmHigh-${randomUUID()}`;
  const low = `TargetTracking-${group}-AlarmLow-${randomUUID()}`;
  const base = { ...metric, Period: 60, AlarmActions: [policyArn], TreatMissingData: 'missing' };
  const out: TrackingAlarm[] = [
    {
      AlarmName: high,
      AlarmARN: arn(high),
      input: { ...base, AlarmName: high, AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policyArn}.`, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: cfg.TargetValue, ComparisonOperator: 'GreaterThanThreshold' },
    },
  ];
  if (!cfg.DisableScaleIn)
    out.push({
      AlarmName: low,
      AlarmARN: arn(low),
      input: { ...base, AlarmName: low, AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policyArn}.`, EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: cfg.TargetValue * 0.9, ComparisonOperator: 'LessThanThreshold' },
    });
  return out;
}

/** Writes (or deletes) the alarms after the policy's transaction, through CloudWatch's API. */
export function syncAlarms(ctx: Ctx, put: TrackingAlarm[], remove: string[]): void {
  if (put.length === 0 && remove.length === 0) return;
  const { call, principal, region } = ctx;
  setImmediate(() => {
    void (async () => {
      try {
        if (remove.length) await call(principal, 'monitoring', 'DeleteAlarms', { AlarmNames: remove }, { region, source: 'internal' });
        for (const a of put) await call(principal, 'monitoring', 'PutMetricAlarm', a.input, { region, source: 'internal' });
      } catch (e) {
        console.error('[nimbus] target tracking alarms', e);
      }
    })();
  });
}
