import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { resourceNotFound } from './errors';
import { requireGroup } from './group-lookup';

export const DeleteMetricFilter = (ctx: Ctx, input: OperationInput<'logs', 'DeleteMetricFilter'>) => {
  const g = requireGroup(ctx, input);
  const r = ctx.store.stmt('DELETE FROM logs_metric_filters WHERE account_id = ? AND region = ? AND grp = ? AND name = ?').run(g.account_id, g.region, g.name, input.filterName);
  if (r.changes === 0) throw resourceNotFound('The specified metric filter does not exist.');
  return {};
};
