import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidParameter } from './errors';
import { page } from './pages';
import { groupView, type GroupRow } from './state/groups';

export const DescribeLogGroups = (ctx: Ctx, input: OperationInput<'logs', 'DescribeLogGroups'>) => {
  if (input.logGroupNamePrefix && input.logGroupNamePattern) throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  const rows = ctx.store.stmt('SELECT * FROM logs_groups WHERE account_id = ? AND region = ? ORDER BY name').all(ctx.accountId, ctx.region) as GroupRow[];
  const picked = rows.filter(
    (g) => (!input.logGroupNamePrefix || g.name.startsWith(input.logGroupNamePrefix)) && (!input.logGroupNamePattern || g.name.toLowerCase().includes(input.logGroupNamePattern.toLowerCase())),
  );
  const p = page(picked, input.limit, input.nextToken);
  const bytes = ctx.store.stmt('SELECT COALESCE(SUM(stored_bytes), 0) AS b FROM logs_streams WHERE account_id = ? AND region = ? AND grp = ?');
  const filters = ctx.store.stmt('SELECT COUNT(*) AS n FROM logs_metric_filters WHERE account_id = ? AND region = ? AND grp = ?');
  return {
    logGroups: p.items.map((g) =>
      groupView(ctx, g, (bytes.get(ctx.accountId, ctx.region, g.name) as { b: number }).b, (filters.get(ctx.accountId, ctx.region, g.name) as { n: number }).n),
    ),
    nextToken: p.nextToken,
  };
};
