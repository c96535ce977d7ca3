import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidNextToken } from './errors';
import type { Dimension } from './state/metrics';

const PAGE = 500;
/** Metrics without a datapoint for two weeks no longer list, as in CloudWatch. */
const LISTED_FOR = 14 * 86_400_000;

export const ListMetrics = (ctx: Ctx, input: OperationInput<'monitoring', 'ListMetrics'>) => {
  const now = ctx.clock.now();
  const since = input.RecentlyActive === 'PT3H' ? now - 3 * 3_600_000 : now - LISTED_FOR;
  const rows = ctx.store
    .stmt(
      `SELECT id, namespace, metric_name, dims FROM cw_metrics WHERE account_id = ? AND region = ? AND last_at >= ?
         AND (? IS NULL OR namespace = ?) AND (? IS NULL OR metric_name = ?) ORDER BY id`,
    )
    .all(ctx.accountId, ctx.region, since, input.Namespace ?? null, input.Namespace ?? null, input.MetricName ?? null, input.MetricName ?? null) as {
    id: number;
    namespace: string;
    metric_name: string;
    dims: string;
  }[];
  const wanted = input.Dimensions ?? [];
  const matching = rows.filter((r) => {
    const dims = JSON.parse(r.dims) as Dimension[];
    return wanted.every((w) => dims.some((d) => d.Name === w.Name && (w.Value === undefined || d.Value === w.Value)));
  });
  let start = 0;
  if (input.NextToken) {
    start = Number(Buffer.from(input.NextToken, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw invalidNextToken();
  }
  const page = matching.slice(start, start + PAGE);
  return {
    Metrics: page.map((r) => ({ Namespace: r.namespace, MetricName: r.metric_name, Dimensions: JSON.parse(r.dims) as Dimension[] })),
    NextToken: start + PAGE < matching.length ? Buffer.from(String(start + PAGE)).toString('base64url') : undefined,
  };
};
