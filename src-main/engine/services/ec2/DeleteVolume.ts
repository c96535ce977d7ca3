import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { incorrectVolumeState, volumeInUse } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { attachmentOf, deleteVolumeNow, getVolume } from './state/volumes';

/** Deletes an available volume; an attached one answers VolumeInUse (§9.1.4 cleanup). */
export function DeleteVolume(ctx: Ctx, input: Ec2Input<'DeleteVolume'>): Ec2Output<'DeleteVolume'> {
  catchUp(ctx);
  const volume = getVolume(ctx, input.VolumeId);
  const attachment = attachmentOf(ctx, volume.volume_id);
  if (attachment) throw volumeInUse(volume.volume_id, attachment.instance_id);
  if (volume.state !== 'available') throw incorrectVolumeState(volume.volume_id, volume.state);
  checkDryRun(input);
  deleteVolumeNow(ctx, volume);
  return {};
}
