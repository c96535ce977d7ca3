/** Taking a snapshot: a `creating` row now, the engine folder copied off the main thread, then `available`. */
import type { Ctx } from '../../core/provider';
import { dbSnapshotAlreadyExists, invalidParameterValue } from './errors';
import { newResourceId, validIdentifier } from './naming';
import { runtimeOf, snapshotJob } from './runtime';
import { recordEvent, type EventEnv } from './state/events';
import type { InstanceRow } from './state/instances';
import { findSnapshot, insertSnapshot, setSnapshotStatus, type SnapshotRow } from './state/snapshots';

export type SnapshotScope = Pick<Ctx, 'store' | 'clock' | 'accountId' | 'region'> & { call?: Ctx['call'] | undefined };

/** `rds:mydb-2026-06-01-09-04`: an automated backup's name. */
export const automatedId = (row: InstanceRow, at: number): string =>
  `rds:${row.id}-${new Date(at).toISOString().slice(0, 16).replace(/[T:]/g, '-')}`;

export function takeSnapshot(ctx: SnapshotScope, row: InstanceRow, id: string, type: 'manual' | 'automated', tags: { Key?: string; Value?: string }[] = []): SnapshotRow {
  if (type === 'manual' && !validIdentifier(id))
    throw invalidParameterValue(`The parameter DBSnapshotIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`);
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
  const env: EventEnv = { store: ctx.store, clock: ctx.clock, call: ctx.call };
  const scope = { accountId: ctx.accountId, region: ctx.region };
  const kind = type === 'manual' ? 'manual' : 'automated';
  recordEvent(env, scope, { sourceId: snap.id, sourceType: 'db-snapshot', message: `Creating ${kind} snapshot`, categories: ['creation'], eventId: type === 'manual' ? 'RDS-EVENT-0040' : 'RDS-EVENT-0090' });
  if (type === 'automated') recordEvent(env, scope, { sourceId: row.id, sourceType: 'db-instance', message: 'Backing up DB instance', categories: ['backup'], eventId: 'RDS-EVENT-0001' });
  const rt = runtimeOf(ctx.store);
  const store = ctx.store;
  // Queued now (so a deletion's folder removal comes after it); the copy itself starts once this transaction has committed.
  void snapshotJob(rt, row.resource_id, snap.resource_id, (ok) => {
    if (!store.db.open) return;
    store.tx(() => {
      setSnapshotStatus(store, snap.resource_id, ok ? 'available' : 'failed');
      store.stmt("UPDATE rds_instances SET status = 'available' WHERE resource_id = ? AND status = 'backing-up'").run(row.resource_id);
      if (!ok) return;
      recordEvent(env, scope, { sourceId: snap.id, sourceType: 'db-snapshot', message: `${type === 'manual' ? 'Manual' : 'Automated'} snapshot created`, categories: ['creation'], eventId: type === 'manual' ? 'RDS-EVENT-0042' : 'RDS-EVENT-0091' });
      if (type === 'automated') recordEvent(env, scope, { sourceId: row.id, sourceType: 'db-instance', message: 'Finished DB Instance backup', categories: ['backup'], eventId: 'RDS-EVENT-0002' });
    });
  });
  return snap;
}
