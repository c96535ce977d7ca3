/**
 * EBS snapshots (§9.1.4): point-in-time copies of a volume's data. A snapshot is `pending` while
 * it is written (its Progress grows with simulated time) and `completed` after; its data is copied
 * from the volume when it is taken, so later writes to the volume do not change it.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { invalidSnapshotIdMalformed, invalidSnapshotNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { SNAPSHOT_PRICE, HOURS_PER_MONTH, startUsage, stopUsage } from './costs';
import { regionalMultiplier } from './instance-types';
import { copyVolumeData, registerLifecycleKind, releaseVolumeData, scheduleStep } from './instance-lifecycle';
import { deleteAllTags, registerTaggable } from './tags';

export interface SnapshotRow {
  id: number;
  account_id: string;
  region: string;
  snapshot_id: string;
  volume_id: string;
  volume_size: number;
  description: string;
  state: 'pending' | 'completed' | 'error';
  encrypted: number;
  kms_key_id: string | null;
  data_id: string;
  started_at: number;
  completes_at: number;
}

registerTaggable({
  prefix: 'snap',
  resourceType: 'snapshot',
  exists: (ctx, id) => findSnapshot(ctx, id) !== undefined,
  notFound: (id) => invalidSnapshotNotFound(id),
});

/** A snapshot takes 10 s plus 1 s per GiB of its volume, in simulated time. */
export const snapshotDurationMs = (sizeGiB: number): number => 10_000 + sizeGiB * 1_000;

export function checkSnapshotId(id: string): void {
  if (!isWellFormedId('snap', id)) throw invalidSnapshotIdMalformed(id);
}

export const findSnapshot = (ctx: Ctx, snapshotId: string): SnapshotRow | undefined =>
  ctx.store
    .stmt('SELECT * FROM ec2_snapshots WHERE account_id = ? AND region = ? AND snapshot_id = ?')
    .get(ctx.accountId, ctx.region, snapshotId) as SnapshotRow | undefined;

export function getSnapshot(ctx: Ctx, snapshotId: string): SnapshotRow {
  checkSnapshotId(snapshotId);
  const row = findSnapshot(ctx, snapshotId);
  if (!row) throw invalidSnapshotNotFound(snapshotId);
  return row;
}

export const listSnapshots = (ctx: Ctx): SnapshotRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_snapshots WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as SnapshotRow[];

export interface NewSnapshot {
  volumeId: string;
  volumeSize: number;
  description: string;
  encrypted: boolean;
  kmsKeyId?: string | null;
  /** The data copied into the snapshot (the volume's, or the source snapshot's for CopySnapshot). */
  fromDataId: string;
}

export function insertSnapshot(ctx: Ctx, s: NewSnapshot): SnapshotRow {
  const snapshotId = ec2Id('snap');
  const now = ctx.clock.now();
  const dataId = `snap:${randomUUID()}`;
  const completesAt = now + snapshotDurationMs(s.volumeSize);
  ctx.store
    .stmt(
      `INSERT INTO ec2_snapshots (account_id, region, snapshot_id, volume_id, volume_size, description, state, encrypted,
         kms_key_id, data_id, started_at, completes_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, snapshotId, s.volumeId, s.volumeSize, s.description, s.encrypted ? 1 : 0, s.kmsKeyId ?? null, dataId, now, completesAt);
  copyVolumeData(ctx, s.fromDataId, dataId);
  scheduleStep(ctx, 'snapshot-completed', snapshotId, completesAt);
  startUsage(ctx, {
    resourceId: snapshotId,
    usageType: 'snapshot',
    item: 'snapshot',
    quantity: s.volumeSize,
    pricePerHour: (SNAPSHOT_PRICE * regionalMultiplier(ctx.region)) / HOURS_PER_MONTH,
  });
  return findSnapshot(ctx, snapshotId)!;
}

registerLifecycleKind('snapshot-completed', (ctx, step) => {
  ctx.store.stmt("UPDATE ec2_snapshots SET state = 'completed' WHERE snapshot_id = ? AND state = 'pending'").run(step.resource_id);
});

export function deleteSnapshotNow(ctx: Ctx, snap: SnapshotRow): void {
  ctx.store.stmt('DELETE FROM ec2_snapshots WHERE snapshot_id = ?').run(snap.snapshot_id);
  ctx.store.stmt('DELETE FROM ec2_lifecycle WHERE resource_id = ?').run(snap.snapshot_id);
  stopUsage(ctx, snap.snapshot_id, 'snapshot');
  deleteAllTags(ctx, snap.snapshot_id);
  releaseVolumeData(ctx, snap.data_id);
}

/** Progress as the API shows it: '0%'..'100%', proportional to simulated time. */
export function progressOf(snap: SnapshotRow, now: number): string {
  if (snap.state === 'completed') return '100%';
  const total = snap.completes_at - snap.started_at;
  const pct = total <= 0 ? 100 : Math.min(99, Math.floor(((now - snap.started_at) / total) * 100));
  return `${Math.max(0, pct)}%`;
}

export function snapshotOutput(s: SnapshotRow, ownerId: string, now: number, tags: { Key: string; Value: string }[]): Record<string, unknown> {
  return {
    DataEncryptionKeyId: undefined,
    Description: s.description,
    Encrypted: s.encrypted === 1,
    KmsKeyId: s.kms_key_id ?? undefined,
    OwnerId: ownerId,
    Progress: progressOf(s, now),
    SnapshotId: s.snapshot_id,
    StartTime: new Date(s.started_at),
    State: s.state,
    VolumeId: s.volume_id,
    VolumeSize: s.volume_size,
    Tags: tags.length ? tags : undefined,
    StorageTier: 'standard',
  };
}
