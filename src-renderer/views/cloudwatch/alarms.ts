/** Alarm rows as DescribeAlarms answers them, and the one-line condition CloudWatch's list shows. */
import { OPERATORS } from './metrics';

export interface MetricAlarm {
  AlarmName: string;
  AlarmArn?: string;
  AlarmDescription?: string;
  StateValue: string;
  StateReason?: string;
  StateUpdatedTimestamp?: string;
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: string }[];
  Statistic?: string;
  ExtendedStatistic?: string;
  Period?: number;
  EvaluationPeriods?: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator?: string;
  TreatMissingData?: string;
  ActionsEnabled?: boolean;
  AlarmActions?: string[];
  OKActions?: string[];
  InsufficientDataActions?: string[];
}

export interface HistoryItem {
  Timestamp: string;
  HistoryItemType: string;
  HistorySummary: string;
  HistoryData?: string;
}

const minutes = (s: number) =>
  s % 3600 === 0 ? `${s / 3600} hour${s === 3600 ? '' : 's'}` : `${s / 60} minute${s === 60 ? '' : 's'}`;

/** "CPUUtilization > 80 for 3 datapoints within 15 minutes", as the alarms list words it. */
export function conditionText(a: MetricAlarm): string {
  const sign = OPERATORS.find((o) => o.value === a.ComparisonOperator)?.sign ?? a.ComparisonOperator ?? '?';
  const n = a.DatapointsToAlarm ?? a.EvaluationPeriods ?? 1;
  const within = (a.Period ?? 60) * (a.EvaluationPeriods ?? 1);
  return `${a.MetricName ?? 'expression'} ${sign} ${a.Threshold ?? '?'} for ${n} datapoint${n === 1 ? '' : 's'} within ${minutes(within)}`;
}

export const ALARM_STATES = ['All', 'ALARM', 'OK', 'INSUFFICIENT_DATA'] as const;
