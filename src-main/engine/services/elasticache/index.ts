/**
 * ElastiCache for Redis: single-node cache clusters whose node is a real Redis (redis/, Redis 7.0's
 * commands and replies) running off the main thread under the supervisor, behind a network
 * interface in the learner's VPC, so `redis-cli -h <endpoint>` in a guest passes security groups and
 * NACLs like any connection. Snapshots hold the node's whole dataset; parameter groups set the
 * node's CONFIG (maxmemory-policy...). Memcached is not offered.
 */
import { defineService } from '../../core/provider';
import { elasticacheCloudFormation } from './cloudformation';
import { elasticacheIamTable } from './iam-table';
import { elasticacheInventory } from './inventory';
import { startLifecycle } from './lifecycle';
import { elasticacheMetrics } from './metrics';
import { elasticacheMigrations } from './migrations';
import { elasticacheNetwork } from './network';
import { CreateCacheCluster } from './CreateCacheCluster';
import { CreateCacheParameterGroup } from './CreateCacheParameterGroup';
import { DeleteCacheParameterGroup } from './DeleteCacheParameterGroup';
import { DescribeCacheParameterGroups } from './DescribeCacheParameterGroups';
import { DescribeCacheParameters } from './DescribeCacheParameters';
import { ModifyCacheParameterGroup } from './ModifyCacheParameterGroup';
import { ResetCacheParameterGroup } from './ResetCacheParameterGroup';
import { CreateCacheSubnetGroup } from './CreateCacheSubnetGroup';
import { CreateSnapshot } from './CreateSnapshot';
import { DeleteCacheCluster } from './DeleteCacheCluster';
import { DeleteCacheSubnetGroup } from './DeleteCacheSubnetGroup';
import { DeleteSnapshot } from './DeleteSnapshot';
import { DescribeCacheClusters } from './DescribeCacheClusters';
import { DescribeCacheEngineVersions } from './DescribeCacheEngineVersions';
import { DescribeCacheSubnetGroups } from './DescribeCacheSubnetGroups';
import { DescribeSnapshots } from './DescribeSnapshots';
import { ModifyCacheCluster } from './ModifyCacheCluster';
import { RebootCacheCluster } from './RebootCacheCluster';
import { AddTagsToResource, ListTagsForResource, RemoveTagsFromResource } from './tags';

export const elasticacheProvider = defineService({
  service: 'elasticache',
  migrations: elasticacheMigrations,
  handlers: {
    AddTagsToResource,
    CreateCacheCluster,
    CreateCacheParameterGroup,
    DeleteCacheParameterGroup,
    DescribeCacheParameterGroups,
    DescribeCacheParameters,
    ModifyCacheParameterGroup,
    ResetCacheParameterGroup,
    CreateCacheSubnetGroup,
    CreateSnapshot,
    DeleteCacheCluster,
    DeleteCacheSubnetGroup,
    DeleteSnapshot,
    DescribeCacheClusters,
    DescribeCacheEngineVersions,
    DescribeCacheSubnetGroups,
    DescribeSnapshots,
    ListTagsForResource,
    ModifyCacheCluster,
    RebootCacheCluster,
    RemoveTagsFromResource,
  },
  start: startLifecycle,
  iam: elasticacheIamTable,
  cloudformation: elasticacheCloudFormation,
  inventory: elasticacheInventory,
  network: elasticacheNetwork,
  metrics: elasticacheMetrics,
});
