import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidZone, missingParameter, snapshotNotCompleted, volumeSmallerThanSnapshot } from './errors';
import { zonesOf } from './zones';
import { findImageBySnapshot } from './state/images';
import { catchUp, copyVolumeData } from './state/instance-lifecycle';
import { getSnapshot } from './state/snapshots';
import { applyTagSpecifications, checkTagSpecifications } from './state/tags';
import { checkVolumeSpec, insertVolume, volumeOutput } from './state/volumes';

/** The zone must be one of the region's (AWS: InvalidZone.NotFound). */
export function checkZone(ctx: Ctx, zone: string): void {
  if (!zonesOf(ctx.region).some((z) => z.zoneName === zone)) throw invalidZone(zone);
}

/** A new EBS volume (§9.1.4): empty, or a copy of a snapshot's data (then Size defaults to the snapshot's). */
export function CreateVolume(ctx: Ctx, input: Ec2Input<'CreateVolume'>): Ec2Output<'CreateVolume'> {
  catchUp(ctx);
  if (input.AvailabilityZone === undefined) throw missingParameter('AvailabilityZone');
  checkZone(ctx, input.AvailabilityZone);
  let source: { id: string; size: number; dataId: string; encrypted: boolean } | undefined;
  if (input.SnapshotId !== undefined && input.SnapshotId !== '') {
    const image = findImageBySnapshot(ctx.region, input.SnapshotId);
    if (image) source = { id: input.SnapshotId, size: image.rootVolumeSize, dataId: image.dataId, encrypted: false };
    else {
      const snap = getSnapshot(ctx, input.SnapshotId);
      if (snap.state !== 'completed') throw snapshotNotCompleted(snap.snapshot_id);
      source = { id: snap.snapshot_id, size: snap.volume_size, dataId: snap.data_id, encrypted: snap.encrypted === 1 };
    }
  }
  if (input.Size === undefined && !source) throw missingParameter('size');
  const size = input.Size ?? source!.size;
  if (source && size < source.size) throw volumeSmallerThanSnapshot(size, source.id, source.size);
  const spec = checkVolumeSpec({ type: input.VolumeType, size, iops: input.Iops, throughput: input.Throughput });
  checkTagSpecifications(ctx, input.TagSpecifications, ['volume']);
  checkDryRun(input);
  const volume = insertVolume(ctx, {
    ...spec,
    availabilityZone: input.AvailabilityZone,
    snapshotId: source?.id,
    encrypted: input.Encrypted === true || source?.encrypted === true,
    kmsKeyId: input.Encrypted || source?.encrypted ? (input.KmsKeyId ?? `arn:aws:kms:${ctx.region}:${ctx.accountId}:alias/aws/ebs`) : undefined,
    multiAttach: input.MultiAttachEnabled,
  });
  if (source) copyVolumeData(ctx, source.dataId, volume.data_id);
  const tags = applyTagSpecifications(ctx, input.TagSpecifications, 'volume', volume.volume_id);
  const out = volumeOutput(volume, undefined, tags);
  delete out.Attachments;
  return out as Ec2Output<'CreateVolume'>;
}
