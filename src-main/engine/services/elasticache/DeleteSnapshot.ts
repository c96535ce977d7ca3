import type { Ctx } from '../../core/provider';
import type { DeleteSnapshotInput, DeleteSnapshotOutput } from '../../models/generated/elasticache';
import { snapshotNotFound } from './errors';
import { describeSnapshot } from './state/describe';
import { getSnapshot } from './state/rows';

export const DeleteSnapshot = (ctx: Ctx, input: DeleteSnapshotInput): DeleteSnapshotOutput => {
  const s = getSnapshot(ctx, input.SnapshotName);
  if (!s) throw snapshotNotFound(input.SnapshotName);
  ctx.store.stmt('DELETE FROM elasticache_snapshots WHERE account_id = ? AND region = ? AND name = ?').run(ctx.accountId, ctx.region, s.name);
  return { Snapshot: { ...describeSnapshot(ctx, s), SnapshotStatus: 'deleting' } };
};
