import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { incorrectVolumeState, invalidParameterValue, modifyVolumeSizeDecrease } from './errors';
import { catchUp } from './state/instance-lifecycle';
import { checkVolumeSpec, getVolume, resizeVolume } from './state/volumes';

/**
 * Elastic Volumes: grow a volume or change its type, IOPS or throughput while it stays in use. The
 * new size and type show at once; the guest's filesystem still has to be grown inside the instance.
 */
export function ModifyVolume(ctx: Ctx, input: Ec2Input<'ModifyVolume'>): Ec2Output<'ModifyVolume'> {
  catchUp(ctx);
  const volume = getVolume(ctx, input.VolumeId);
  if (volume.state !== 'available' && volume.state !== 'in-use') throw incorrectVolumeState(volume.volume_id, volume.state);
  if (input.Size === undefined && input.VolumeType === undefined && input.Iops === undefined && input.Throughput === undefined)
    throw invalidParameterValue('At least one of size, volumeType, iops or throughput must be specified.');
  const size = input.Size ?? volume.size;
  if (size < volume.size) throw modifyVolumeSizeDecrease(volume.volume_id, volume.size, size);
  const type = input.VolumeType ?? volume.volume_type;
  const keepIops = type === volume.volume_type && (type === 'io1' || type === 'io2' || type === 'gp3');
  const spec = checkVolumeSpec({
    type,
    size,
    iops: input.Iops ?? (keepIops ? (volume.iops ?? undefined) : undefined),
    throughput: input.Throughput ?? (type === 'gp3' && volume.volume_type === 'gp3' ? (volume.throughput ?? undefined) : undefined),
  });
  checkDryRun(input);
  const now = ctx.clock.now();
  resizeVolume(ctx, volume, spec);
  return {
    VolumeModification: {
      VolumeId: volume.volume_id,
      ModificationState: 'modifying',
      TargetSize: spec.size,
      TargetIops: spec.iops ?? undefined,
      TargetVolumeType: spec.type,
      TargetThroughput: spec.throughput ?? undefined,
      TargetMultiAttachEnabled: volume.multi_attach === 1,
      OriginalSize: volume.size,
      OriginalIops: volume.iops ?? undefined,
      OriginalVolumeType: volume.volume_type,
      OriginalThroughput: volume.throughput ?? undefined,
      OriginalMultiAttachEnabled: volume.multi_attach === 1,
      Progress: 0,
      StartTime: new Date(now),
    },
  };
}
