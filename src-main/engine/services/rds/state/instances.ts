/** DB instance rows and the status they show at a given simulated time. */
import type { Ctx } from '../../../core/provider';
import { dbInstanceNotFound } from '../errors';

export interface InstanceRow {
  account_id: string;
  region: string;
  id: string;
  resource_id: string;
  engine: string;
  engine_version: string;
  instance_class: string;
  allocated_storage: number;
  storage_type: string;
  master_username: string;
  master_password: string;
  db_name: string | null;
  port: number;
  subnet_group: string | null;
  vpc_id: string | null;
  security_groups: string;
  availability_zone: string | null;
  publicly_accessible: number;
  multi_az: number;
  backup_retention: number;
  backup_window: string;
  maintenance_window: string;
  deletion_protection: number;
  eni_id: string | null;
  private_ip: string | null;
  status: string;
  status_until: number | null;
  next_status: string | null;
  created_at: number;
  tags: string;
  extra: string;
}

/** Status after every due change up to `now` (reads never write; write paths persist with settle()). */
export function effectiveStatus(row: InstanceRow, now: number): string {
  if (row.status_until !== null && row.next_status !== null && row.status_until <= now) return row.next_status;
  return row.status;
}

/** A deleted instance keeps its row while `deleting`; after that it is gone. */
export const isGone = (row: InstanceRow, now: number): boolean => effectiveStatus(row, now) === 'deleted';

export function findInstance(ctx: Ctx, id: string): InstanceRow | undefined {
  const row = ctx.store.stmt('SELECT * FROM rds_instances WHERE account_id = ? AND region = ? AND id = ? COLLATE NOCASE').get(ctx.accountId, ctx.region, id) as
    | InstanceRow
    | undefined;
  return row && !isGone(row, ctx.clock.now()) ? row : undefined;
}

export function getInstance(ctx: Ctx, id: string): InstanceRow {
  const row = findInstance(ctx, id);
  if (!row) throw dbInstanceNotFound(id);
  return settle(ctx, row);
}

export function listInstances(ctx: Ctx): InstanceRow[] {
  const now = ctx.clock.now();
  return (ctx.store.stmt('SELECT * FROM rds_instances WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as InstanceRow[]).filter(
    (r) => !isGone(r, now),
  );
}

/** Persists a due status change (inside the caller's write transaction). */
export function settle(ctx: Ctx, row: InstanceRow): InstanceRow {
  const now = ctx.clock.now();
  if (row.status_until === null || row.next_status === null || row.status_until > now) return row;
  ctx.store
    .stmt('UPDATE rds_instances SET status = ?, status_until = NULL, next_status = NULL WHERE account_id = ? AND region = ? AND id = ?')
    .run(row.next_status, row.account_id, row.region, row.id);
  return { ...row, status: row.next_status, status_until: null, next_status: null };
}

/** Sets the status now and, optionally, the one it turns into after `forMs` of simulated time. */
export function setStatus(ctx: Ctx, row: InstanceRow, status: string, then?: { status: string; afterMs: number }): InstanceRow {
  const until = then ? ctx.clock.now() + then.afterMs : null;
  ctx.store
    .stmt('UPDATE rds_instances SET status = ?, status_until = ?, next_status = ? WHERE account_id = ? AND region = ? AND id = ?')
    .run(status, until, then?.status ?? null, row.account_id, row.region, row.id);
  return { ...row, status, status_until: until, next_status: then?.status ?? null };
}

export function updateInstance(ctx: Ctx, row: InstanceRow, changes: Partial<InstanceRow>): InstanceRow {
  const keys = Object.keys(changes) as (keyof InstanceRow)[];
  if (keys.length === 0) return row;
  ctx.store
    .stmt(`UPDATE rds_instances SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE account_id = ? AND region = ? AND id = ?`)
    .run(...keys.map((k) => changes[k] as unknown), row.account_id, row.region, row.id);
  return { ...row, ...changes };
}

export function insertInstance(ctx: Ctx, row: InstanceRow): void {
  const keys = Object.keys(row) as (keyof InstanceRow)[];
  ctx.store.stmt(`INSERT INTO rds_instances (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...keys.map((k) => row[k] as unknown));
}

export function deleteInstanceRow(ctx: Ctx, row: InstanceRow): void {
  ctx.store.stmt('DELETE FROM rds_instances WHERE account_id = ? AND region = ? AND id = ?').run(row.account_id, row.region, row.id);
}

/** Instances whose interface is this ENI (any account or region: ENI ids are unique). */
export function instanceByEni(ctx: Pick<Ctx, 'store'>, eniId: string): InstanceRow | undefined {
  return ctx.store.stmt('SELECT * FROM rds_instances WHERE eni_id = ?').get(eniId) as InstanceRow | undefined;
}
