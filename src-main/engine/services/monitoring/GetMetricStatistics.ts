import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameterCombination, invalidParameterValue } from './errors';
import { aggregate, findMetric, percentile, statistic } from './state/metrics';
import { alignStart, checkDatapointLimit, checkRange } from './periods';

const STATS = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);

export const GetMetricStatistics = (ctx: Ctx, input: OperationInput<'monitoring', 'GetMetricStatistics'>) => {
  const stats = input.Statistics ?? [];
  const ext = input.ExtendedStatistics ?? [];
  if (stats.length === 0 && ext.length === 0) throw invalidParameterCombination('Must specify either Statistics or ExtendedStatistics, but not both.');
  for (const s of stats) if (!STATS.has(s)) throw invalidParameterValue(`The value ${s} for parameter Statistics is not a valid statistic.`);
  for (const s of ext) if (!/^p\d{1,2}(\.\d+)?$|^p100$/.test(s)) throw invalidParameterValue(`The value ${s} for parameter ExtendedStatistics is not a valid percentile.`);
  checkRange(input.StartTime, input.EndTime, input.Period);
  const periodMs = input.Period * 1000;
  const from = alignStart(input.StartTime.getTime(), periodMs);
  const to = input.EndTime.getTime();
  checkDatapointLimit(from, to, periodMs);
  const metric = findMetric(ctx, input.Namespace, input.MetricName, input.Dimensions);
  const buckets = metric ? aggregate(ctx.store, metric.id, from, to, periodMs, input.Unit, ext.length > 0) : [];
  return {
    Label: input.MetricName,
    Datapoints: buckets.map((b) => {
      const dp: Record<string, unknown> = { Timestamp: new Date(b.ts), Unit: b.unit };
      for (const s of stats) dp[s] = statistic(b, s);
      if (ext.length) {
        const e: Record<string, number> = {};
        for (const p of ext) {
          const v = percentile(b, p);
          if (v !== undefined) e[p] = v;
        }
        dp.ExtendedStatistics = e;
      }
      return dp;
    }),
  };
};
