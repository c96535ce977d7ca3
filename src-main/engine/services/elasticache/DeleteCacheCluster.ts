import { streaming, type Ctx } from '../../core/provider';
import type { DeleteCacheClusterInput, DeleteCacheClusterOutput } from '../../models/generated/elasticache';
import { clusterNotFound, invalidClusterState } from './errors';
import { cancel, DELETE_MS, schedule } from './lifecycle';
import { describeCluster } from './state/describe';
import { getCluster, setClusterStatus } from './state/rows';
import { takeSnapshot } from './snapshots';

/** Deletes a cluster (after an optional final snapshot); its nodes and their interfaces go a little later. */
export const DeleteCacheCluster = streaming(async (ctx: Ctx, input: DeleteCacheClusterInput): Promise<DeleteCacheClusterOutput> => {
  const id = input.CacheClusterId.toLowerCase();
  const c = getCluster(ctx, id);
  if (!c) throw clusterNotFound(input.CacheClusterId);
  if (c.status === 'deleting') throw invalidClusterState(id, c.status);
  if (input.FinalSnapshotIdentifier) {
    if (c.status !== 'available') throw invalidClusterState(id, c.status);
    await takeSnapshot(ctx, c, input.FinalSnapshotIdentifier, 'manual');
  }
  const at = ctx.clock.now() + DELETE_MS;
  const out = ctx.commit(() => {
    setClusterStatus(ctx, id, 'deleting', 'delete', at);
    return { CacheCluster: describeCluster(ctx, getCluster(ctx, id)!, false) };
  });
  cancel(ctx.accountId, ctx.region, id);
  schedule(ctx.accountId, ctx.region, id, at);
  return out;
});
