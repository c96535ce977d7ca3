/**
 * EBS volumes and their attachments (§9.1). A volume is `creating` for a few simulated seconds,
 * then `available`; attaching makes it `in-use` with an attachment `attaching` → `attached`;
 * detaching goes `detaching` → gone, and the volume is `available` again. Each volume has a stable
 * data_id naming its disk in the guest layer.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import {
  invalidVolumeIdMalformed,
  invalidVolumeNotFound,
  invalidDeviceName,
  iopsNotSupported,
  iopsOutOfRange,
  iopsRatioTooHigh,
  invalidVolumeType,
  missingParameter,
  throughputNotSupported,
  throughputOutOfRange,
  volumeTooLarge,
  volumeTooSmall,
} from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { stopUsage, startUsage, volumeUsage } from './costs';
import { regionalMultiplier } from './instance-types';
import { registerLifecycleKind, releaseVolumeData, scheduleStep } from './instance-lifecycle';
import { deleteAllTags, registerTaggable } from './tags';

export const VOLUME_CREATE_MS = 5_000;
export const ATTACH_MS = 3_000;
export const DETACH_MS = 3_000;

export interface VolumeRow {
  id: number;
  account_id: string;
  region: string;
  volume_id: string;
  size: number;
  volume_type: string;
  iops: number | null;
  throughput: number | null;
  availability_zone: string;
  snapshot_id: string;
  state: 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted';
  encrypted: number;
  kms_key_id: string | null;
  multi_attach: number;
  data_id: string;
  created_at: number;
}

export interface AttachmentRow {
  volume_id: string;
  instance_id: string;
  device: string;
  state: 'attaching' | 'attached' | 'detaching';
  attach_time: number;
  delete_on_termination: number;
}

registerTaggable({
  prefix: 'vol',
  resourceType: 'volume',
  exists: (ctx, id) => findVolume(ctx, id) !== undefined,
  notFound: (id) => invalidVolumeNotFound(id),
});

/** AWS's size bounds per volume type (GiB). */
export const VOLUME_LIMITS: Readonly<Record<string, { min: number; max: number }>> = {
  gp2: { min: 1, max: 16384 },
  gp3: { min: 1, max: 16384 },
  io1: { min: 4, max: 16384 },
  io2: { min: 4, max: 65536 },
  st1: { min: 125, max: 16384 },
  sc1: { min: 125, max: 16384 },
  standard: { min: 1, max: 1024 },
};

export interface VolumeSpec {
  type: string;
  size: number;
  iops: number | null;
  throughput: number | null;
}

/** Checks type, size, IOPS and throughput as CreateVolume / RunInstances do; returns the effective spec. */
export function checkVolumeSpec(opts: { type?: string; size: number; iops?: number; throughput?: number }): VolumeSpec {
  const type = opts.type ?? 'gp2';
  const limits = VOLUME_LIMITS[type];
  if (!limits) throw invalidVolumeType(type);
  if (opts.size < limits.min) throw volumeTooSmall(opts.size, limits.min);
  if (opts.size > limits.max) throw volumeTooLarge(opts.size, limits.max);
  let iops: number | null = null;
  let throughput: number | null = null;
  if (type === 'io1' || type === 'io2') {
    if (opts.iops === undefined) throw missingParameter('iops');
    const max = type === 'io1' ? 64000 : 256000;
    if (opts.iops < 100 || opts.iops > max) throw iopsOutOfRange(type, opts.iops, 100, max);
    const ratio = opts.iops / opts.size;
    const maxRatio = type === 'io1' ? 50 : 1000;
    if (ratio > maxRatio) throw iopsRatioTooHigh(ratio, maxRatio);
    iops = opts.iops;
  } else if (type === 'gp3') {
    iops = opts.iops ?? 3000;
    if (iops < 3000 || iops > 16000) throw iopsOutOfRange(type, iops, 3000, 16000);
    if (iops / opts.size > 500 && iops > 3000) throw iopsRatioTooHigh(iops / opts.size, 500);
    throughput = opts.throughput ?? 125;
    if (throughput < 125 || throughput > 1000) throw throughputOutOfRange(throughput);
  } else {
    if (opts.iops !== undefined) throw iopsNotSupported(type);
    // gp2's IOPS follow its size: 3 per GiB, at least 100, at most 16,000 (§9.1.3).
    if (type === 'gp2') iops = Math.min(16000, Math.max(100, 3 * opts.size));
  }
  if (opts.throughput !== undefined && type !== 'gp3') throw throughputNotSupported(type);
  return { type, size: opts.size, iops, throughput };
}

export function checkVolumeId(id: string): void {
  if (!isWellFormedId('vol', id)) throw invalidVolumeIdMalformed(id);
}

export const findVolume = (ctx: Ctx, volumeId: string): VolumeRow | undefined =>
  ctx.store
    .stmt("SELECT * FROM ec2_volumes WHERE account_id = ? AND region = ? AND volume_id = ? AND state != 'deleted'")
    .get(ctx.accountId, ctx.region, volumeId) as VolumeRow | undefined;

export function getVolume(ctx: Ctx, volumeId: string): VolumeRow {
  checkVolumeId(volumeId);
  const row = findVolume(ctx, volumeId);
  if (!row) throw invalidVolumeNotFound(volumeId);
  return row;
}

export const listVolumes = (ctx: Ctx): VolumeRow[] =>
  ctx.store
    .stmt("SELECT * FROM ec2_volumes WHERE account_id = ? AND region = ? AND state != 'deleted' ORDER BY id")
    .all(ctx.accountId, ctx.region) as VolumeRow[];

export const attachmentOf = (ctx: Ctx, volumeId: string): AttachmentRow | undefined =>
  ctx.store.stmt('SELECT * FROM ec2_volume_attachments WHERE volume_id = ?').get(volumeId) as AttachmentRow | undefined;

export const attachmentsOfInstance = (ctx: Ctx, instanceId: string): AttachmentRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_volume_attachments WHERE instance_id = ? ORDER BY attach_time, rowid').all(instanceId) as AttachmentRow[];

export function allAttachments(ctx: Ctx): Map<string, AttachmentRow> {
  const rows = ctx.store
    .stmt('SELECT * FROM ec2_volume_attachments WHERE account_id = ? AND region = ?')
    .all(ctx.accountId, ctx.region) as AttachmentRow[];
  return new Map(rows.map((r) => [r.volume_id, r]));
}

export interface NewVolume extends VolumeSpec {
  availabilityZone: string;
  snapshotId?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  multiAttach?: boolean;
  /** Already available (root volumes made by RunInstances) instead of `creating`. */
  available?: boolean;
}

export function insertVolume(ctx: Ctx, v: NewVolume): VolumeRow {
  const volumeId = ec2Id('vol');
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO ec2_volumes (account_id, region, volume_id, size, volume_type, iops, throughput, availability_zone,
         snapshot_id, state, encrypted, kms_key_id, multi_attach, data_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.accountId, ctx.region, volumeId, v.size, v.type, v.iops, v.throughput, v.availabilityZone, v.snapshotId ?? '',
      v.available ? 'available' : 'creating', v.encrypted ? 1 : 0, v.kmsKeyId ?? null, v.multiAttach ? 1 : 0,
      `vol:${randomUUID()}`, now,
    );
  if (!v.available) scheduleStep(ctx, 'volume-available', volumeId, now + VOLUME_CREATE_MS);
  startUsage(ctx, volumeUsage(volumeId, v.type, v.size, v.iops, regionalMultiplier(ctx.region)), now);
  return findVolume(ctx, volumeId)!;
}

registerLifecycleKind('volume-available', (ctx, step) => {
  ctx.store.stmt("UPDATE ec2_volumes SET state = 'available' WHERE volume_id = ? AND state = 'creating'").run(step.resource_id);
});

export function setVolumeState(ctx: Ctx, volumeId: string, state: VolumeRow['state']): void {
  ctx.store.stmt('UPDATE ec2_volumes SET state = ? WHERE volume_id = ?').run(state, volumeId);
}

export function attach(ctx: Ctx, volumeId: string, instanceId: string, device: string, deleteOnTermination: boolean, immediate = false): void {
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO ec2_volume_attachments (volume_id, account_id, region, instance_id, device, state, attach_time, delete_on_termination)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(volumeId, ctx.accountId, ctx.region, instanceId, device, immediate ? 'attached' : 'attaching', now, deleteOnTermination ? 1 : 0);
  setVolumeState(ctx, volumeId, 'in-use');
  if (!immediate) scheduleStep(ctx, 'volume-attached', volumeId, now + ATTACH_MS);
}

registerLifecycleKind('volume-attached', (ctx, step) => {
  ctx.store.stmt("UPDATE ec2_volume_attachments SET state = 'attached' WHERE volume_id = ? AND state = 'attaching'").run(step.resource_id);
});

export function beginDetach(ctx: Ctx, volumeId: string): void {
  ctx.store.stmt("UPDATE ec2_volume_attachments SET state = 'detaching' WHERE volume_id = ?").run(volumeId);
  scheduleStep(ctx, 'volume-detached', volumeId, ctx.clock.now() + DETACH_MS);
}

/** Removes the attachment at once (instance terminated, or the detach step due). */
export function finishDetach(ctx: Ctx, volumeId: string): void {
  ctx.store.stmt('DELETE FROM ec2_volume_attachments WHERE volume_id = ?').run(volumeId);
  ctx.store.stmt("UPDATE ec2_volumes SET state = 'available' WHERE volume_id = ? AND state = 'in-use'").run(volumeId);
}

registerLifecycleKind('volume-detached', (ctx, step) => {
  const a = attachmentOf(ctx, step.resource_id);
  if (a?.state === 'detaching') finishDetach(ctx, step.resource_id);
});

export function setDeleteOnTermination(ctx: Ctx, volumeId: string, value: boolean): void {
  ctx.store.stmt('UPDATE ec2_volume_attachments SET delete_on_termination = ? WHERE volume_id = ?').run(value ? 1 : 0, volumeId);
}

/** Deletes a volume at once: its meter stops, its tags and lifecycle steps go, its data is released. */
export function deleteVolumeNow(ctx: Ctx, volume: VolumeRow, at = ctx.clock.now()): void {
  ctx.store.stmt("UPDATE ec2_volumes SET state = 'deleted' WHERE volume_id = ?").run(volume.volume_id);
  ctx.store.stmt('DELETE FROM ec2_volume_attachments WHERE volume_id = ?').run(volume.volume_id);
  ctx.store.stmt('DELETE FROM ec2_lifecycle WHERE resource_id = ?').run(volume.volume_id);
  stopUsage(ctx, volume.volume_id, 'volume', at);
  deleteAllTags(ctx, volume.volume_id);
  releaseVolumeData(ctx, volume.data_id);
}

export function resizeVolume(ctx: Ctx, volume: VolumeRow, spec: VolumeSpec): void {
  ctx.store
    .stmt('UPDATE ec2_volumes SET size = ?, volume_type = ?, iops = ?, throughput = ? WHERE volume_id = ?')
    .run(spec.size, spec.type, spec.iops, spec.throughput, volume.volume_id);
  startUsage(ctx, volumeUsage(volume.volume_id, spec.type, spec.size, spec.iops, regionalMultiplier(ctx.region)));
}

/** Device names a learner may attach EBS volumes at: /dev/sd[b-z], /dev/xvd[b-z] (+ optional digit). */
export function checkDeviceName(device: string): void {
  if (!/^\/dev\/(sd|xvd)[a-z]\d{0,2}$/.test(device) && !/^xvd[a-z]$/.test(device)) throw invalidDeviceName(device);
}

export function volumeOutput(v: VolumeRow, attachment: AttachmentRow | undefined, tags: { Key: string; Value: string }[]): Record<string, unknown> {
  return {
    Attachments: attachment
      ? [
          {
            AttachTime: new Date(attachment.attach_time),
            Device: attachment.device,
            InstanceId: attachment.instance_id,
            State: attachment.state,
            VolumeId: v.volume_id,
            DeleteOnTermination: attachment.delete_on_termination === 1,
          },
        ]
      : [],
    AvailabilityZone: v.availability_zone,
    CreateTime: new Date(v.created_at),
    Encrypted: v.encrypted === 1,
    KmsKeyId: v.kms_key_id ?? undefined,
    Size: v.size,
    SnapshotId: v.snapshot_id,
    State: v.state,
    VolumeId: v.volume_id,
    Iops: v.iops ?? undefined,
    Tags: tags.length ? tags : undefined,
    VolumeType: v.volume_type,
    MultiAttachEnabled: v.multi_attach === 1,
    Throughput: v.throughput ?? undefined,
  };
}
