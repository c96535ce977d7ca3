import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { aggregate, findMetric, statistic } from './state/metrics';
import { alignStart, checkRange } from './periods';
import { evaluateExpression, MathError, type Series } from './metric-math';

const MAX_POINTS = 100_800;

/** MetricStat queries read the store; Expression queries compute over them (metric-math.ts). */
export const GetMetricData = (ctx: Ctx, input: OperationInput<'monitoring', 'GetMetricData'>) => {
  const queries = input.MetricDataQueries;
  if (queries.length === 0 || queries.length > 500) throw validationError('The collection MetricDataQueries must contain between 1 and 500 items.');
  const ids = new Set<string>();
  for (const q of queries) {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(q.Id)) throw validationError(`Invalid metric data query id: ${q.Id}. Ids must start with a lowercase letter and contain only letters, numbers and underscores.`);
    if (ids.has(q.Id)) throw validationError(`The value ${q.Id} for field Id is duplicated.`);
    ids.add(q.Id);
    if (!!q.MetricStat === !!q.Expression) throw validationError(`Exactly one of MetricStat and Expression must be given for query ${q.Id}.`);
  }
  if (!queries.some((q) => q.ReturnData !== false)) throw validationError('At least one query must have ReturnData set to true.');
  const from0 = input.StartTime.getTime();
  const to = input.EndTime.getTime();
  const series = new Map<string, Series>();
  const labels = new Map<string, string>();
  let points = 0;
  for (const q of queries) {
    if (!q.MetricStat) continue;
    const ms = q.MetricStat;
    checkRange(input.StartTime, input.EndTime, ms.Period, `MetricDataQueries.${q.Id}.MetricStat.Period`);
    const periodMs = ms.Period * 1000;
    const from = alignStart(from0, periodMs);
    points += Math.ceil((to - from) / periodMs);
    const metric = ms.Metric.MetricName && ms.Metric.Namespace ? findMetric(ctx, ms.Metric.Namespace, ms.Metric.MetricName, ms.Metric.Dimensions) : undefined;
    const s: Series = new Map();
    if (metric) for (const b of aggregate(ctx.store, metric.id, from, to, periodMs, ms.Unit, /^p/.test(ms.Stat))) {
      const v = statistic(b, ms.Stat);
      if (v !== undefined) s.set(b.ts, v);
    }
    series.set(q.Id, s);
    labels.set(q.Id, q.Label ?? ms.Metric.MetricName ?? q.Id);
  }
  if (points > MAX_POINTS) throw validationError(`The request would return more than ${MAX_POINTS} datapoints.`);
  const results: { Id: string; Label: string; Timestamps: Date[]; Values: number[]; StatusCode: string; Messages?: { Code: string; Value: string }[] }[] = [];
  const messages: { Code: string; Value: string }[] = [];
  const statSeries = () => [...series.entries()].filter(([id]) => queries.find((q) => q.Id === id)?.MetricStat).map(([, s]) => s);
  // Expressions may refer to each other: evaluate in the order given, retrying those whose inputs come later.
  let pending = queries.filter((q) => q.Expression);
  for (let round = 0; pending.length && round < queries.length; round++) {
    const next: typeof pending = [];
    for (const q of pending) {
      try {
        const v = evaluateExpression(q.Expression!, (id) => series.get(id), statSeries);
        const s = v instanceof Map ? v : Array.isArray(v) ? (v[0] ?? new Map<number, number>()) : new Map<number, number>([...(statSeries()[0]?.keys() ?? [])].map((t) => [t, v]));
        series.set(q.Id, s);
        labels.set(q.Id, q.Label ?? q.Id);
      } catch (e) {
        if (!(e instanceof MathError)) throw e;
        if (/Unknown identifier/.test(e.message) && round < queries.length - 1) next.push(q);
        else throw validationError(`Error in expression ${q.Id}: ${e.message}`);
      }
    }
    pending = next;
  }
  const ascending = input.ScanBy === 'TimestampAscending';
  for (const q of queries) {
    if (q.ReturnData === false) continue;
    const s = series.get(q.Id) ?? new Map<number, number>();
    let entries = [...s.entries()].filter(([, v]) => Number.isFinite(v)).sort((a, b) => (ascending ? a[0] - b[0] : b[0] - a[0]));
    if (input.MaxDatapoints !== undefined && entries.length > input.MaxDatapoints) entries = entries.slice(0, input.MaxDatapoints);
    results.push({ Id: q.Id, Label: labels.get(q.Id) ?? q.Id, Timestamps: entries.map(([t]) => new Date(t)), Values: entries.map(([, v]) => v), StatusCode: 'Complete' });
  }
  return { MetricDataResults: results, Messages: messages };
};
