import { streaming, type Ctx } from '../../core/provider';
import type { RebootCacheClusterInput, RebootCacheClusterOutput } from '../../models/generated/elasticache';
import { clusterNotFound, invalidClusterState, invalidParameterValue } from './errors';
import { REBOOT_MS, forgetDefinition, runtime, schedule, whenDefined } from './lifecycle';
import { describeCluster } from './state/describe';
import { engineId, getCluster, nodesOf, setClusterStatus } from './state/rows';

/**
 * Restarts the node's Redis. Without a replica or persistence ElastiCache loses the node's data on a
 * reboot, and so does the lab: the node comes back empty.
 */
export const RebootCacheCluster = streaming(async (ctx: Ctx, input: RebootCacheClusterInput): Promise<RebootCacheClusterOutput> => {
  const id = input.CacheClusterId.toLowerCase();
  const c = getCluster(ctx, id);
  if (!c) throw clusterNotFound(input.CacheClusterId);
  if (c.status !== 'available') throw invalidClusterState(id, c.status);
  const nodes = nodesOf(ctx, id);
  const unknown = input.CacheNodeIdsToReboot.find((n) => !nodes.some((x) => x.node_id === n));
  if (unknown) throw invalidParameterValue(`Cache node ${unknown} does not exist in cluster ${id}.`);
  await whenDefined(c.account_id, c.region, id);
  for (const n of nodes.filter((x) => input.CacheNodeIdsToReboot.includes(x.node_id))) {
    // The node restarts empty (no replica, no persistence), then is defined again fresh.
    await runtime()?.supervisor?.remove(engineId(c.account_id, c.region, id, n.node_id), { deleteData: true });
  }
  forgetDefinition(c.account_id, c.region, id);
  const at = ctx.clock.now() + REBOOT_MS;
  const out = ctx.commit(() => {
    setClusterStatus(ctx, id, 'rebooting cache cluster nodes', 'available', at);
    ctx.store.stmt("UPDATE elasticache_nodes SET status = 'rebooting' WHERE account_id = ? AND region = ? AND cluster_id = ?").run(ctx.accountId, ctx.region, id);
    return { CacheCluster: describeCluster(ctx, getCluster(ctx, id)!, false) };
  });
  schedule(ctx.accountId, ctx.region, id, at);
  return out;
});
