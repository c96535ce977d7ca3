import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { incorrectVolumeState, operationNotPermitted, volumeNotAttached } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { checkInstanceId, findInstance } from './state/instances';
import { attachmentOf, beginDetach, finishDetach, getVolume } from './state/volumes';

/** Detaches a volume (§9.1.2); the root volume of a running instance cannot be detached. */
export function DetachVolume(ctx: Ctx, input: Ec2Input<'DetachVolume'>): Ec2Output<'DetachVolume'> {
  catchUp(ctx);
  const volume = getVolume(ctx, input.VolumeId);
  if (input.InstanceId !== undefined) checkInstanceId(input.InstanceId);
  const a = attachmentOf(ctx, volume.volume_id);
  if (!a) throw incorrectVolumeState(volume.volume_id, volume.state);
  if (input.InstanceId !== undefined && a.instance_id !== input.InstanceId) throw volumeNotAttached(volume.volume_id, input.InstanceId);
  const inst = findInstance(ctx, a.instance_id);
  if (inst && inst.root_device_name === a.device && inst.state !== 'stopped')
    throw operationNotPermitted(`The volume '${volume.volume_id}' is the root device of instance '${inst.instance_id}' and cannot be detached while the instance is running.`);
  checkDryRun(input);
  if (inst?.state === 'stopped') finishDetach(ctx, volume.volume_id);
  else beginDetach(ctx, volume.volume_id);
  const after = attachmentOf(ctx, volume.volume_id);
  return {
    AttachTime: new Date(a.attach_time),
    Device: a.device,
    InstanceId: a.instance_id,
    State: after ? after.state : 'detached',
    VolumeId: a.volume_id,
  };
}
