/** DB snapshots: the instance's settings as JSON, its data in a folder the runtime copies. */
import type { Ctx } from '../../../core/provider';
import { dbSnapshotNotFound } from '../errors';

export interface SnapshotRow {
  account_id: string;
  region: string;
  id: string;
  resource_id: string;
  instance_id: string;
  instance_resource_id: string;
  snapshot_type: string;
  status: string;
  created_at: number;
  instance: string;
  tags: string;
}

export type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export function findSnapshot(ctx: Scope, id: string): SnapshotRow | undefined {
  return ctx.store.stmt('SELECT * FROM rds_snapshots WHERE account_id = ? AND region = ? AND id = ? COLLATE NOCASE').get(ctx.accountId, ctx.region, id) as
    | SnapshotRow
    | undefined;
}

export function getSnapshot(ctx: Ctx, id: string): SnapshotRow {
  const s = findSnapshot(ctx, id);
  if (!s) throw dbSnapshotNotFound(id);
  return s;
}

export function listSnapshots(ctx: Scope): SnapshotRow[] {
  return ctx.store.stmt('SELECT * FROM rds_snapshots WHERE account_id = ? AND region = ? ORDER BY created_at, id').all(ctx.accountId, ctx.region) as SnapshotRow[];
}

export function insertSnapshot(ctx: Scope, s: SnapshotRow): void {
  const keys = Object.keys(s) as (keyof SnapshotRow)[];
  ctx.store.stmt(`INSERT INTO rds_snapshots (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => s[k]));
}

export function setSnapshotStatus(store: Ctx['store'], resourceId: string, status: string): void {
  store.stmt('UPDATE rds_snapshots SET status = ? WHERE resource_id = ?').run(status, resourceId);
}

export function deleteSnapshotRow(ctx: Ctx, id: string): void {
  ctx.store.stmt('DELETE FROM rds_snapshots WHERE account_id = ? AND region = ? AND id = ? COLLATE NOCASE').run(ctx.accountId, ctx.region, id);
}
