/**
 * Pure helpers of the CloudWatch pages: which period suits a time range, the GetMetricData queries
 * for a set of metrics and how its answer becomes chart series. No Vue here, so unit tests run them.
 */
import type { JsonObject, JsonValue } from '../../../src-main/contract';

export interface Dimension {
  Name: string;
  Value: string;
}
export interface MetricRef {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
}
export interface Point {
  t: number;
  v: number;
}
export interface Series {
  id: string;
  label: string;
  points: Point[];
}

export const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p99'] as const;

/** Time ranges the pickers offer, in seconds. */
export const RANGES: { value: number; label: string }[] = [
  { value: 3600, label: '1h' },
  { value: 3 * 3600, label: '3h' },
  { value: 12 * 3600, label: '12h' },
  { value: 86_400, label: '1d' },
  { value: 3 * 86_400, label: '3d' },
  { value: 7 * 86_400, label: '1w' },
  { value: 14 * 86_400, label: '2w' },
];

export const PERIODS: { value: number; label: string }[] = [
  { value: 60, label: '1 minute' },
  { value: 300, label: '5 minutes' },
  { value: 900, label: '15 minutes' },
  { value: 3600, label: '1 hour' },
  { value: 21_600, label: '6 hours' },
  { value: 86_400, label: '1 day' },
];

/** The period AWS's console picks for a range: at most ~300 points on a chart. */
export function periodFor(rangeSeconds: number, finest = 60): number {
  const fit = PERIODS.find((p) => p.value >= finest && rangeSeconds / p.value <= 300);
  return fit?.value ?? 86_400;
}

export const dimensionText = (dims: readonly Dimension[]): string => dims.map((d) => `${d.Name}=${d.Value}`).join(', ');

export const metricKey = (m: MetricRef): string => `${m.Namespace}|${m.MetricName}|${dimensionText(m.Dimensions)}`;

export const metricLabel = (m: MetricRef): string =>
  m.Dimensions.length ? `${m.MetricName} (${m.Dimensions.map((d) => d.Value).join(', ')})` : m.MetricName;

/** GetMetricData's input for these metrics over [end - range, end), oldest point first. */
export function metricDataInput(
  metrics: readonly MetricRef[],
  stat: string,
  period: number,
  rangeSeconds: number,
  end: number,
): JsonObject {
  const align = period * 1000;
  const endAligned = Math.ceil(end / align) * align;
  return {
    StartTime: new Date(endAligned - rangeSeconds * 1000).toISOString(),
    EndTime: new Date(endAligned).toISOString(),
    ScanBy: 'TimestampAscending',
    MetricDataQueries: metrics.map((m, i) => ({
      Id: `m${i}`,
      Label: metricLabel(m),
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: m.Namespace,
          MetricName: m.MetricName,
          Dimensions: m.Dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
        },
        Period: period,
        Stat: stat,
      },
    })),
  };
}

const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);

/** GetMetricData's MetricDataResults as series, points sorted by time. */
export function seriesOf(output: JsonObject): Series[] {
  return list(output.MetricDataResults).flatMap((r) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return [];
    const times = list(r.Timestamps);
    const values = list(r.Values);
    const points = times
      .map((t, i) => ({ t: typeof t === 'string' ? Date.parse(t) : Number(t), v: Number(values[i]) }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v))
      .sort((a, b) => a.t - b.t);
    return [{ id: String(r.Id ?? ''), label: String(r.Label ?? r.Id ?? ''), points }];
  });
}

/** ListMetrics' Metrics as MetricRefs (dimensions sorted by name, as CloudWatch keys them). */
export function metricsOf(output: JsonObject): MetricRef[] {
  return list(output.Metrics).flatMap((m) => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return [];
    const dims = list(m.Dimensions)
      .flatMap((d) =>
        typeof d === 'object' && d !== null && !Array.isArray(d)
          ? [{ Name: String(d.Name), Value: String(d.Value) }]
          : [],
      )
      .sort((a, b) => a.Name.localeCompare(b.Name));
    return [{ Namespace: String(m.Namespace), MetricName: String(m.MetricName), Dimensions: dims }];
  });
}

/** Groups a namespace's metrics by their dimension names, as the console's metric browser does. */
export function byDimensionSet(metrics: readonly MetricRef[]): Map<string, MetricRef[]> {
  const out = new Map<string, MetricRef[]>();
  for (const m of metrics) {
    const key = m.Dimensions.map((d) => d.Name).join(', ') || 'Metrics with no dimensions';
    out.set(key, [...(out.get(key) ?? []), m]);
  }
  return out;
}

export const OPERATORS: { value: string; label: string; sign: string }[] = [
  { value: 'GreaterThanThreshold', label: 'Greater', sign: '>' },
  { value: 'GreaterThanOrEqualToThreshold', label: 'Greater or equal', sign: '>=' },
  { value: 'LessThanThreshold', label: 'Lower', sign: '<' },
  { value: 'LessThanOrEqualToThreshold', label: 'Lower or equal', sign: '<=' },
];

export interface AlarmForm {
  metric: MetricRef;
  stat: string;
  period: number;
  operator: string;
  threshold: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  missing: string;
  name: string;
  description: string;
  topicArn?: string;
}

/** PutMetricAlarm's input from the create-alarm form (percentiles go in ExtendedStatistic). */
export function putMetricAlarmInput(f: AlarmForm): JsonObject {
  const stat: JsonObject = /^p\d/.test(f.stat) ? { ExtendedStatistic: f.stat } : { Statistic: f.stat };
  return {
    AlarmName: f.name,
    ...(f.description ? { AlarmDescription: f.description } : {}),
    Namespace: f.metric.Namespace,
    MetricName: f.metric.MetricName,
    Dimensions: f.metric.Dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
    ...stat,
    Period: f.period,
    EvaluationPeriods: f.evaluationPeriods,
    DatapointsToAlarm: f.datapointsToAlarm,
    Threshold: f.threshold,
    ComparisonOperator: f.operator,
    TreatMissingData: f.missing,
    ActionsEnabled: true,
    ...(f.topicArn ? { AlarmActions: [f.topicArn] } : {}),
  };
}

/** The metric picked in the browser travels to the create-alarm page in its query string. */
export function metricToQuery(m: MetricRef, region?: string): string {
  const q = new URLSearchParams({ namespace: m.Namespace, metric: m.MetricName });
  for (const d of m.Dimensions) q.append('dim', `${d.Name}=${d.Value}`);
  if (region) q.set('region', region);
  return q.toString();
}

export function metricFromQuery(q: URLSearchParams): MetricRef | undefined {
  const Namespace = q.get('namespace');
  const MetricName = q.get('metric');
  if (!Namespace || !MetricName) return undefined;
  const Dimensions = q.getAll('dim').flatMap((s) => {
    const i = s.indexOf('=');
    return i > 0 ? [{ Name: s.slice(0, i), Value: s.slice(i + 1) }] : [];
  });
  return { Namespace, MetricName, Dimensions };
}

/** AWS's billing alarm of §1.9: EstimatedCharges in USD, us-east-1 only, 6-hour periods. */
export const BILLING_METRIC: MetricRef = {
  Namespace: 'AWS/Billing',
  MetricName: 'EstimatedCharges',
  Dimensions: [{ Name: 'Currency', Value: 'USD' }],
};
