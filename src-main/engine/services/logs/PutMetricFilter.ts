import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter, limitExceeded } from './errors';
import { compileFilter, FilterPatternError } from './filter-pattern';
import { requireGroup } from './group-lookup';

export const PutMetricFilter = (ctx: Ctx, input: OperationInput<'logs', 'PutMetricFilter'>) => {
  const g = requireGroup(ctx, input);
  try {
    compileFilter(input.filterPattern);
  } catch (e) {
    if (e instanceof FilterPatternError) throw invalidParameter(e.message);
    throw e;
  }
  if (input.metricTransformations.length !== 1) throw invalidParameter('1 validation error detected: Value at \'metricTransformations\' failed to satisfy constraint: Member must have length less than or equal to 1');
  const count = (ctx.store.stmt('SELECT COUNT(*) AS n FROM logs_metric_filters WHERE account_id = ? AND region = ? AND grp = ? AND name != ?').get(g.account_id, g.region, g.name, input.filterName) as { n: number }).n;
  if (count >= 100) throw limitExceeded('Resource limit exceeded.');
  ctx.store
    .stmt('INSERT OR REPLACE INTO logs_metric_filters (account_id, region, grp, name, pattern, transformations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(g.account_id, g.region, g.name, input.filterName, input.filterPattern, JSON.stringify(input.metricTransformations), ctx.clock.now());
  return {};
};
