import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { findTrail, trailView, type TrailRow } from './state/trails';

export const DescribeTrails = (ctx: Ctx, input: OperationInput<'cloudtrail', 'DescribeTrails'>) => {
  const rows = input.trailNameList?.length
    ? input.trailNameList
        .map((n) => findTrail(ctx.store, ctx.accountId, ctx.region, n))
        .filter((t): t is TrailRow => !!t)
    : (ctx.store
        .stmt('SELECT * FROM ct_trails WHERE account_id = ? AND region = ? ORDER BY name')
        .all(ctx.accountId, ctx.region) as TrailRow[]);
  return { trailList: rows.map(trailView) };
};
