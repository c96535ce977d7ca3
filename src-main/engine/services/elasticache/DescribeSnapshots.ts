import type { Ctx } from '../../core/provider';
import type { DescribeSnapshotsInput, DescribeSnapshotsOutput } from '../../models/generated/elasticache';
import { snapshotNotFound } from './errors';
import { page } from './paging';
import { describeSnapshot } from './state/describe';
import { listSnapshots } from './state/rows';

export const DescribeSnapshots = (ctx: Ctx, input: DescribeSnapshotsInput): DescribeSnapshotsOutput => {
  let all = listSnapshots(ctx);
  if (input.SnapshotName) {
    all = all.filter((s) => s.name === input.SnapshotName);
    if (all.length === 0) throw snapshotNotFound(input.SnapshotName);
  }
  if (input.CacheClusterId) all = all.filter((s) => s.cluster_id === input.CacheClusterId!.toLowerCase());
  if (input.SnapshotSource) all = all.filter((s) => s.source === input.SnapshotSource);
  const { items, marker } = page(all, input.MaxRecords ?? 50, input.Marker);
  return { Snapshots: items.map((s) => describeSnapshot(ctx, s)), ...(marker ? { Marker: marker } : {}) };
};
