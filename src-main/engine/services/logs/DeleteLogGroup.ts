import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { requireGroup } from './group-lookup';

export const DeleteLogGroup = (ctx: Ctx, input: OperationInput<'logs', 'DeleteLogGroup'>) => {
  const g = requireGroup(ctx, input);
  for (const table of ['logs_events', 'logs_streams', 'logs_metric_filters']) ctx.store.stmt(`DELETE FROM ${table} WHERE account_id = ? AND region = ? AND grp = ?`).run(g.account_id, g.region, g.name);
  ctx.store.stmt('DELETE FROM logs_groups WHERE account_id = ? AND region = ? AND name = ?').run(g.account_id, g.region, g.name);
  return {};
};
