/**
 * Alarm evaluation on the simulated clock: the last EvaluationPeriods complete periods of the
 * alarm's metric, M out of N (DatapointsToAlarm), the comparison operator and TreatMissingData, as
 * CloudWatch documents them.
 */
import type { Store } from '../../store/store';
import type { Alarm, AlarmState } from './state/alarms';
import { aggregate, findMetric, statistic } from './state/metrics';

export interface Verdict {
  state: AlarmState;
  reason: string;
  reasonData?: unknown;
  /** The most recent evaluated value (Auto Scaling's step policies need it). */
  latest?: number;
}

const COMPARE: Record<string, { test: (v: number, t: number) => boolean; words: string }> = {
  GreaterThanOrEqualToThreshold: { test: (v, t) => v >= t, words: 'greater than or equal to' },
  GreaterThanThreshold: { test: (v, t) => v > t, words: 'greater than' },
  LessThanThreshold: { test: (v, t) => v < t, words: 'less than' },
  LessThanOrEqualToThreshold: { test: (v, t) => v <= t, words: 'less than or equal to' },
};

export const isSupportedComparison = (op: string): boolean => op in COMPARE;

const fmt = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const iso = (t: number): string => new Date(t).toISOString().replace('Z', '+0000');

/** Values of the last N complete periods before `at`, oldest first (undefined = missing). */
export function periodValues(store: Store, alarm: Alarm, at: number): { ts: number; value: number | undefined }[] {
  const c = alarm.config;
  const periodMs = (c.Period ?? 60) * 1000;
  const n = c.EvaluationPeriods;
  const end = Math.floor(at / periodMs) * periodMs;
  const from = end - n * periodMs;
  const out: { ts: number; value: number | undefined }[] = [];
  for (let i = 0; i < n; i++) out.push({ ts: from + i * periodMs, value: undefined });
  const metric = c.MetricName && c.Namespace ? findMetric({ store, accountId: alarm.row.account_id, region: alarm.row.region }, c.Namespace, c.MetricName, c.Dimensions) : undefined;
  if (!metric) return out;
  const stat = c.Statistic ?? c.ExtendedStatistic ?? 'Average';
  const buckets = aggregate(store, metric.id, from, end, periodMs, c.Unit, stat !== (c.Statistic ?? ''));
  for (const b of buckets) {
    const slot = out[Math.round((b.ts - from) / periodMs)];
    if (slot) slot.value = statistic(b, stat);
  }
  return out;
}

/** What the alarm's state should be at `at`; undefined = keep the current state (TreatMissingData ignore). */
export function evaluate(store: Store, alarm: Alarm, at: number): Verdict | undefined {
  const c = alarm.config;
  const cmp = COMPARE[c.ComparisonOperator];
  if (!cmp || c.Threshold === undefined) return undefined;
  const points = periodValues(store, alarm, at);
  const m = c.DatapointsToAlarm ?? c.EvaluationPeriods;
  const treat = c.TreatMissingData ?? 'missing';
  const present = points.filter((p) => p.value !== undefined);
  const recent = [...present].reverse().map((p) => p.value as number);
  const latest = recent[0];
  const data = {
    version: '1.0',
    queryDate: iso(at),
    startDate: iso(points[0]!.ts),
    statistic: c.Statistic ?? c.ExtendedStatistic ?? 'Average',
    period: c.Period ?? 60,
    recentDatapoints: recent.slice(0, c.EvaluationPeriods),
    threshold: c.Threshold,
    evaluatedDatapoints: [...present].reverse().map((p) => ({ timestamp: iso(p.ts), sampleCount: 1, value: p.value })),
  };
  if (present.length === 0) {
    if (treat === 'ignore') return undefined;
    if (treat === 'breaching') return { state: 'ALARM', reason: `Threshold Crossed: no datapoints were received for ${points.length} periods and ${points.length} missing datapoints were treated as [Breaching].`, reasonData: data };
    if (treat === 'notBreaching') return { state: 'OK', reason: `Threshold Crossed: no datapoints were received for ${points.length} periods and ${points.length} missing datapoints were treated as [NonBreaching].`, reasonData: data };
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${points.length} datapoint${points.length === 1 ? ' was' : 's were'} unknown.`, reasonData: data };
  }
  let breaching = 0;
  for (const p of points) {
    if (p.value === undefined) {
      if (treat === 'breaching') breaching++;
    } else if (cmp.test(p.value, c.Threshold)) breaching++;
  }
  const shown = `[${recent.slice(0, m).map(fmt).join(', ')}]`;
  if (breaching >= m) {
    const words = m === 1 ? `1 datapoint ${shown} was` : `${breaching} out of the last ${points.length} datapoints ${shown} were`;
    return { state: 'ALARM', reason: `Threshold Crossed: ${words} ${cmp.words} the threshold (${fmt(c.Threshold)}) (minimum ${m} datapoint${m === 1 ? '' : 's'} for OK -> ALARM transition).`, reasonData: data, latest };
  }
  const words = present.length === 1 ? `1 datapoint ${shown} was not` : `${points.length - breaching} out of the last ${points.length} datapoints ${shown} were not`;
  return { state: 'OK', reason: `Threshold Crossed: ${words} ${cmp.words} the threshold (${fmt(c.Threshold)}) (minimum ${m} datapoint${m === 1 ? '' : 's'} for ALARM -> OK transition).`, reasonData: data, latest };
}
