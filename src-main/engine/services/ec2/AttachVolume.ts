import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { attachmentPointInUse, incorrectInstanceState, incorrectVolumeState, volumeAlreadyAttached, volumeZoneMismatch } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { getInstance, instanceStoreOf } from './state/instances';
import { attach, attachmentOf, attachmentsOfInstance, checkDeviceName, getVolume } from './state/volumes';

/** Same disk whatever the naming: /dev/sdf and /dev/xvdf are one attachment point. */
const canonical = (device: string) => device.replace(/^\/dev\//, '').replace(/^xvd/, 'sd');

/** Attaches an available volume to an instance in the same zone (§9.1.1). */
export function AttachVolume(ctx: Ctx, input: Ec2Input<'AttachVolume'>): Ec2Output<'AttachVolume'> {
  catchUp(ctx);
  const volume = getVolume(ctx, input.VolumeId);
  const inst = getInstance(ctx, input.InstanceId);
  checkDeviceName(input.Device);
  if (attachmentOf(ctx, volume.volume_id)) throw volumeAlreadyAttached(volume.volume_id);
  if (volume.state !== 'available') throw incorrectVolumeState(volume.volume_id, volume.state);
  if (inst.state !== 'running' && inst.state !== 'stopped')
    throw incorrectInstanceState(`Instance '${inst.instance_id}' is not 'running'.`);
  if (volume.availability_zone !== inst.availability_zone) throw volumeZoneMismatch(volume.volume_id, inst.instance_id);
  const used = [...attachmentsOfInstance(ctx, inst.instance_id).map((a) => a.device), ...instanceStoreOf(inst).map((d) => d.deviceName)];
  if (used.some((d) => canonical(d) === canonical(input.Device))) throw attachmentPointInUse(input.Device);
  checkDryRun(input);
  // A stopped instance gets the volume at once; a running one goes through `attaching`.
  attach(ctx, volume.volume_id, inst.instance_id, input.Device, false, inst.state === 'stopped');
  const a = attachmentOf(ctx, volume.volume_id)!;
  return {
    AttachTime: new Date(a.attach_time),
    Device: a.device,
    InstanceId: a.instance_id,
    State: a.state,
    VolumeId: a.volume_id,
  };
}
