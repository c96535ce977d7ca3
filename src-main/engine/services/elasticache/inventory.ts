/** What chapter clean-up lists of ElastiCache: cache clusters, subnet groups and manual snapshots. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const elasticacheInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeCacheClusters',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticache', 'DescribeCacheClusters', {}, region)).CacheClusters).map((c) =>
        inventoryItem(`elasticache:${region}:cluster:${String(c.CacheClusterId)}`, `cache cluster ${String(c.CacheClusterId)} (${String(c.CacheClusterStatus)}) in ${region}`),
      ),
  },
  {
    operation: 'DescribeCacheSubnetGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticache', 'DescribeCacheSubnetGroups', {}, region)).CacheSubnetGroups).map((g) =>
        inventoryItem(`elasticache:${region}:subnet-group:${String(g.CacheSubnetGroupName)}`, `cache subnet group ${String(g.CacheSubnetGroupName)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeSnapshots',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticache', 'DescribeSnapshots', {}, region)).Snapshots).map((s) =>
        inventoryItem(`elasticache:${region}:snapshot:${String(s.SnapshotName)}`, `cache snapshot ${String(s.SnapshotName)} in ${region}`),
      ),
  },
];
