/** An alarm row in the MetricAlarm shape of DescribeAlarms. */
import type { Alarm } from './state/alarms';

export function metricAlarmView(a: Alarm): Record<string, unknown> {
  const c = a.config;
  const r = a.row;
  return {
    AlarmName: r.name,
    AlarmArn: r.arn,
    AlarmDescription: c.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: new Date(r.config_updated_at),
    ActionsEnabled: r.actions_enabled === 1,
    OKActions: c.OKActions ?? [],
    AlarmActions: c.AlarmActions ?? [],
    InsufficientDataActions: c.InsufficientDataActions ?? [],
    StateValue: r.state,
    StateReason: r.state_reason,
    StateReasonData: r.state_reason_data ?? undefined,
    StateUpdatedTimestamp: new Date(r.state_updated_at),
    StateTransitionedTimestamp: new Date(r.state_updated_at),
    MetricName: c.MetricName,
    Namespace: c.Namespace,
    Statistic: c.Statistic,
    ExtendedStatistic: c.ExtendedStatistic,
    Dimensions: c.Dimensions ?? [],
    Period: c.Period,
    Unit: c.Unit,
    EvaluationPeriods: c.EvaluationPeriods,
    DatapointsToAlarm: c.DatapointsToAlarm,
    Threshold: c.Threshold,
    ComparisonOperator: c.ComparisonOperator,
    TreatMissingData: c.TreatMissingData,
    EvaluateLowSampleCountPercentile: c.EvaluateLowSampleCountPercentile,
    Metrics: c.Metrics,
    ThresholdMetricId: c.ThresholdMetricId,
  };
}
