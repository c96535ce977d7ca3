/** Taking a snapshot: a `creating` row now, the engine folder copied off the main thread, then `available`. */
import type { Ctx } from '../../core/provider';
import { dbSnapshotAlreadyExists, invalidParameterValue } from './errors';
import { newResourceId, validIdentifier } from './naming';
import { runtimeOf, snapshotJob } from './runtime';
import type { InstanceRow } from './state/instances';
import { findSnapshot, insertSnapshot, setSnapshotStatus, type SnapshotRow } from './state/snapshots';

export function takeSnapshot(ctx: Ctx, row: InstanceRow, id: string, type: 'manual' | 'automated', tags: { Key?: string; Value?: string }[] = []): SnapshotRow {
  if (!validIdentifier(id)) throw invalidParameterValue(`The parameter DBSnapshotIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`);
  if (findSnapshot(ctx, id)) throw dbSnapshotAlreadyExists(id);
  const snap: SnapshotRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    id: id.toLowerCase(),
    resource_id: newResourceId('snap'),
    instance_id: row.id,
    instance_resource_id: row.resource_id,
    snapshot_type: type,
    status: 'creating',
    created_at: ctx.clock.now(),
    instance: JSON.stringify(row),
    tags: JSON.stringify(tags),
  };
  insertSnapshot(ctx, snap);
  const rt = runtimeOf(ctx.store);
  const store = ctx.store;
  // Queued now (so a deletion's folder removal comes after it); the copy itself starts once this transaction has committed.
  void snapshotJob(rt, row.resource_id, snap.resource_id, (ok) => {
    store.tx(() => {
      setSnapshotStatus(store, snap.resource_id, ok ? 'available' : 'failed');
      store.stmt("UPDATE rds_instances SET status = 'available' WHERE resource_id = ? AND status = 'backing-up'").run(row.resource_id);
    });
  });
  return snap;
}
