import { streaming, type Ctx } from '../../core/provider';
import type { CreateSnapshotInput, CreateSnapshotOutput } from '../../models/generated/elasticache';
import { clusterNotFound, invalidClusterState, invalidParameterValue } from './errors';
import { describeSnapshot } from './state/describe';
import { getCluster, getSnapshot } from './state/rows';
import { takeSnapshot } from './snapshots';

/** A manual backup of a cluster's data; CreateCacheCluster --snapshot-name restores it into a new cluster. */
export const CreateSnapshot = streaming(async (ctx: Ctx, input: CreateSnapshotInput): Promise<CreateSnapshotOutput> => {
  if (input.ReplicationGroupId) throw invalidParameterValue('Nimbus Lab has no replication groups yet; snapshot a cache cluster instead.');
  if (!input.CacheClusterId) throw invalidParameterValue('A CacheClusterId must be given.');
  const c = getCluster(ctx, input.CacheClusterId.toLowerCase());
  if (!c) throw clusterNotFound(input.CacheClusterId);
  if (c.status !== 'available') throw invalidClusterState(c.id, c.status);
  await takeSnapshot(ctx, c, input.SnapshotName, 'manual');
  return { Snapshot: describeSnapshot(ctx, getSnapshot(ctx, input.SnapshotName)!) };
});
