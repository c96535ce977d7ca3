import { streaming, type Ctx } from '../../core/provider';
import type { ModifyCacheClusterInput, ModifyCacheClusterOutput } from '../../models/generated/elasticache';
import { securityGroups } from './ec2-lookups';
import { clusterNotFound, invalidClusterState, invalidParameterValue } from './errors';
import { describeCluster } from './state/describe';
import { getCluster, nodesOf } from './state/rows';
import { servicePrincipal } from '../../core/account';
import { checkFamily, findGroup, groupNotFound } from './parameters';
import { applyParameterGroup } from './lifecycle';

/** Security groups, windows and snapshot retention change at once; node counts and types cannot change in the lab. */
export const ModifyCacheCluster = streaming(async (ctx: Ctx, input: ModifyCacheClusterInput): Promise<ModifyCacheClusterOutput> => {
  const id = input.CacheClusterId.toLowerCase();
  const c = getCluster(ctx, id);
  if (!c) throw clusterNotFound(input.CacheClusterId);
  if (c.status !== 'available') throw invalidClusterState(id, c.status);
  if (input.NumCacheNodes !== undefined && input.NumCacheNodes !== 1) throw invalidParameterValue('A Redis cluster has exactly one node; use a replication group for replicas.');
  if (input.CacheNodeType && input.CacheNodeType !== c.node_type) throw invalidParameterValue('Nimbus Lab cannot change a cluster\'s node type yet; create a new cluster from a snapshot.');
  const paramGroup = input.CacheParameterGroupName?.toLowerCase();
  if (paramGroup) {
    const g = findGroup(ctx, paramGroup);
    if (!g) throw groupNotFound(paramGroup);
    checkFamily(g, c.engine_version);
  }
  const groups = input.SecurityGroupIds ? await securityGroups(ctx, input.SecurityGroupIds, c.vpc_id) : undefined;
  if (groups) {
    // The node's interface carries the groups: that is what the network model checks.
    for (const n of nodesOf(ctx, id)) {
      if (n.eni_id) {
        await ctx.call(servicePrincipal(ctx.accountId, 'elasticache'), 'ec2', 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: n.eni_id, Groups: groups }, { region: ctx.region, source: 'internal' });
      }
    }
  }
  const out = ctx.commit(() => {
    ctx.store
      .stmt(
        `UPDATE elasticache_clusters SET security_groups = COALESCE(?, security_groups), maintenance_window = COALESCE(?, maintenance_window),
           snapshot_retention = COALESCE(?, snapshot_retention), snapshot_window = COALESCE(?, snapshot_window), parameter_group = COALESCE(?, parameter_group)
         WHERE account_id = ? AND region = ? AND id = ?`,
      )
      .run(
        groups ? JSON.stringify(groups) : null,
        input.PreferredMaintenanceWindow ?? null,
        input.SnapshotRetentionLimit ?? null,
        input.SnapshotWindow ?? null,
        paramGroup ?? null,
        ctx.accountId,
        ctx.region,
        id,
      );
    return { CacheCluster: describeCluster(ctx, getCluster(ctx, id)!, false) };
  });
  if (paramGroup) applyParameterGroup(ctx, paramGroup);
  return out;
});
