import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { incorrectVolumeState } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { insertSnapshot, snapshotOutput } from './state/snapshots';
import { applyTagSpecifications, checkTagSpecifications } from './state/tags';
import { getVolume } from './state/volumes';

/** A point-in-time snapshot of a volume (§9.1.4); `pending` until written, then `completed`. */
export function CreateSnapshot(ctx: Ctx, input: Ec2Input<'CreateSnapshot'>): Ec2Output<'CreateSnapshot'> {
  catchUp(ctx);
  const volume = getVolume(ctx, input.VolumeId);
  if (volume.state === 'creating' || volume.state === 'deleting') throw incorrectVolumeState(volume.volume_id, volume.state);
  checkTagSpecifications(ctx, input.TagSpecifications, ['snapshot']);
  checkDryRun(input);
  const snap = insertSnapshot(ctx, {
    volumeId: volume.volume_id,
    volumeSize: volume.size,
    description: input.Description ?? '',
    encrypted: volume.encrypted === 1,
    kmsKeyId: volume.kms_key_id,
    fromDataId: volume.data_id,
  });
  const tags = applyTagSpecifications(ctx, input.TagSpecifications, 'snapshot', snap.snapshot_id);
  return snapshotOutput(snap, ctx.accountId, ctx.clock.now(), tags) as Ec2Output<'CreateSnapshot'>;
}
