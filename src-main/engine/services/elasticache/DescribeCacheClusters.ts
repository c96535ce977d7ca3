import type { Ctx } from '../../core/provider';
import type { DescribeCacheClustersInput, DescribeCacheClustersOutput } from '../../models/generated/elasticache';
import { clusterNotFound } from './errors';
import { page } from './paging';
import { describeCluster } from './state/describe';
import { getCluster, listClusters } from './state/rows';

export const DescribeCacheClusters = (ctx: Ctx, input: DescribeCacheClustersInput): DescribeCacheClustersOutput => {
  const show = input.ShowCacheNodeInfo === true;
  if (input.CacheClusterId) {
    const c = getCluster(ctx, input.CacheClusterId.toLowerCase());
    if (!c) throw clusterNotFound(input.CacheClusterId);
    return { CacheClusters: [describeCluster(ctx, c, show)] };
  }
  const { items, marker } = page(listClusters(ctx), input.MaxRecords, input.Marker);
  return { CacheClusters: items.map((c) => describeCluster(ctx, c, show)), ...(marker ? { Marker: marker } : {}) };
};
