/** What IAM checks for each ElastiCache call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const ARN = 'arn:${Partition}:elasticache:${Region}:${Account}:';

export const elasticacheIamTable: ServiceTable = {
  prefix: 'elasticache',
  starPrefixes: ['DescribeCacheEngineVersions'],
  resources: {
    CreateCacheCluster: [`${ARN}cluster:\${CacheClusterId}`],
    CreateCacheSubnetGroup: [`${ARN}subnetgroup:\${CacheSubnetGroupName}`],
    DeleteCacheSubnetGroup: [`${ARN}subnetgroup:\${CacheSubnetGroupName}`],
    CreateSnapshot: [`${ARN}snapshot:\${SnapshotName}`, `${ARN}cluster:\${CacheClusterId}`],
    DeleteSnapshot: [`${ARN}snapshot:\${SnapshotName}`],
    CreateCacheParameterGroup: [`${ARN}parametergroup:\${CacheParameterGroupName}`],
  },
  members: {
    CacheClusterId: `${ARN}cluster:\${CacheClusterId}`,
    CacheSubnetGroupName: `${ARN}subnetgroup:\${CacheSubnetGroupName}`,
    SnapshotName: `${ARN}snapshot:\${SnapshotName}`,
    CacheParameterGroupName: `${ARN}parametergroup:\${CacheParameterGroupName}`,
    ResourceName: '${ResourceName}',
  },
};
