import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './pages';

export const DescribeMetricFilters = (ctx: Ctx, input: OperationInput<'logs', 'DescribeMetricFilters'>) => {
  const rows = ctx.store
    .stmt('SELECT * FROM logs_metric_filters WHERE account_id = ? AND region = ? AND (? IS NULL OR grp = ?) ORDER BY name')
    .all(ctx.accountId, ctx.region, input.logGroupName ?? null, input.logGroupName ?? null) as { grp: string; name: string; pattern: string; transformations: string; created_at: number }[];
  const picked = rows.filter((r) => {
    const ts = JSON.parse(r.transformations) as { metricName: string; metricNamespace: string }[];
    return (
      (!input.filterNamePrefix || r.name.startsWith(input.filterNamePrefix)) &&
      (!input.metricName || ts.some((t) => t.metricName === input.metricName)) &&
      (!input.metricNamespace || ts.some((t) => t.metricNamespace === input.metricNamespace))
    );
  });
  const p = page(picked, input.limit, input.nextToken);
  return {
    metricFilters: p.items.map((r) => ({ filterName: r.name, filterPattern: r.pattern, metricTransformations: JSON.parse(r.transformations) as unknown, creationTime: r.created_at, logGroupName: r.grp })),
    nextToken: p.nextToken,
  };
};
