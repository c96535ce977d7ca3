import type { Ctx } from '../../core/provider';
import type { DeleteCacheSubnetGroupInput } from '../../models/generated/elasticache';
import { subnetGroupInUse, subnetGroupNotFound } from './errors';
import { getSubnetGroup, listClusters } from './state/rows';

export const DeleteCacheSubnetGroup = (ctx: Ctx, input: DeleteCacheSubnetGroupInput): Record<string, never> => {
  const name = input.CacheSubnetGroupName.toLowerCase();
  if (!getSubnetGroup(ctx, name)) throw subnetGroupNotFound(name);
  if (listClusters(ctx).some((c) => c.subnet_group === name)) throw subnetGroupInUse(name);
  ctx.store.stmt('DELETE FROM elasticache_subnet_groups WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, name);
  return {};
};
