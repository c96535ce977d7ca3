import { describe, expect, it } from 'vitest';
import { onVolumeDataCopy } from '../../../../src-main/engine/services/ec2/state/instance-lifecycle';
import { BOOK_AMI, ec2Lab, expectAwsError } from './lab';

async function runningInstance(lab: ReturnType<typeof ec2Lab>, zone = 'us-east-1a') {
  const run = await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } });
  lab.advance(30_000);
  return run.Instances[0].InstanceId as string;
}

describe('EBS volumes and snapshots (§9.1)', () => {
  it('creates, attaches, detaches, snapshots, restores and deletes, with the states in between', async () => {
    const lab = ec2Lab();
    const { ec2, advance } = lab;
    const copies: [string, string][] = [];
    const off = onVolumeDataCopy(({ fromDataId, toDataId }) => copies.push([fromDataId, toDataId]));
    try {
      const instanceId = await runningInstance(lab);
      const vol = await ec2('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 5, VolumeType: 'gp2' });
      expect(vol).toMatchObject({ Size: 5, State: 'creating', VolumeType: 'gp2', Iops: 100, Encrypted: false, SnapshotId: '', AvailabilityZone: 'us-east-1a' });
      await expectAwsError(
        ec2('AttachVolume', { VolumeId: vol.VolumeId, InstanceId: instanceId, Device: '/dev/xvdf' }),
        'IncorrectState',
        `Volume '${vol.VolumeId}' is in the 'creating' state.`,
      );
      advance(5_000);
      const att = await ec2('AttachVolume', { VolumeId: vol.VolumeId, InstanceId: instanceId, Device: '/dev/xvdf' });
      expect(att).toMatchObject({ Device: '/dev/xvdf', InstanceId: instanceId, State: 'attaching', VolumeId: vol.VolumeId });
      advance(3_000);
      let d = await ec2('DescribeVolumes', { Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] });
      expect(d.Volumes.map((v: { VolumeId: string }) => v.VolumeId)).toContain(vol.VolumeId);
      const attached = d.Volumes.find((v: { VolumeId: string }) => v.VolumeId === vol.VolumeId);
      expect(attached.State).toBe('in-use');
      expect(attached.Attachments[0]).toMatchObject({ State: 'attached', Device: '/dev/xvdf', DeleteOnTermination: false });
      await expectAwsError(ec2('DeleteVolume', { VolumeId: vol.VolumeId }), 'VolumeInUse', `Volume ${vol.VolumeId} is currently attached to ${instanceId}`);
      // The book's lookup: describe-volumes --filters Name=size,Values=5.
      d = await ec2('DescribeVolumes', { Filters: [{ Name: 'size', Values: ['5'] }] });
      expect(d.Volumes.map((v: { VolumeId: string }) => v.VolumeId)).toEqual([vol.VolumeId]);

      const snap = await ec2('CreateSnapshot', { VolumeId: vol.VolumeId, Description: 'backup' });
      expect(snap).toMatchObject({ State: 'pending', Progress: '0%', VolumeId: vol.VolumeId, VolumeSize: 5, Description: 'backup' });
      advance(7_500);
      let s = await ec2('DescribeSnapshots', { SnapshotIds: [snap.SnapshotId] });
      expect(s.Snapshots[0]).toMatchObject({ State: 'pending', Progress: '50%' });
      await expectAwsError(
        ec2('CreateVolume', { AvailabilityZone: 'us-east-1b', SnapshotId: snap.SnapshotId }),
        'IncorrectState',
        `Snapshot '${snap.SnapshotId}' is not in the 'completed' state.`,
      );
      advance(7_500);
      s = await ec2('DescribeSnapshots', { OwnerIds: ['self'] });
      expect(s.Snapshots).toHaveLength(1);
      expect(s.Snapshots[0]).toMatchObject({ State: 'completed', Progress: '100%' });

      const restored = await ec2('CreateVolume', { AvailabilityZone: 'us-east-1b', SnapshotId: snap.SnapshotId });
      expect(restored).toMatchObject({ Size: 5, SnapshotId: snap.SnapshotId, AvailabilityZone: 'us-east-1b' });
      await expectAwsError(
        ec2('CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snap.SnapshotId, Size: 4 }),
        'InvalidParameterValue',
        `Volume of 4GiB is smaller than snapshot '${snap.SnapshotId}', expect size >= 5GiB`,
      );
      advance(5_000);
      await expectAwsError(
        ec2('AttachVolume', { VolumeId: restored.VolumeId, InstanceId: instanceId, Device: '/dev/xvdg' }),
        'InvalidVolume.ZoneMismatch',
        `The volume '${restored.VolumeId}' is not in the same availability zone as instance '${instanceId}'`,
      );

      const det = await ec2('DetachVolume', { VolumeId: vol.VolumeId });
      expect(det.State).toBe('detaching');
      advance(3_000);
      d = await ec2('DescribeVolumes', { VolumeIds: [vol.VolumeId] });
      expect(d.Volumes[0]).toMatchObject({ State: 'available', Attachments: [] });
      await ec2('DeleteSnapshot', { SnapshotId: snap.SnapshotId });
      await ec2('DeleteVolume', { VolumeId: restored.VolumeId });
      await ec2('DeleteVolume', { VolumeId: vol.VolumeId });
      await expectAwsError(ec2('DescribeVolumes', { VolumeIds: [vol.VolumeId] }), 'InvalidVolume.NotFound', `The volume '${vol.VolumeId}' does not exist.`);

      // Data hooks: root volume from the AMI, the snapshot from the volume, the restore from the snapshot.
      expect(copies.map(([from]) => from.split(':')[0])).toEqual(['image', 'vol', 'snap']);
      expect(copies[0]![0]).toBe('image:amzn-2017.09');
      expect(copies[2]![0]).toBe(copies[1]![1]);
    } finally {
      off();
    }
  });

  describe('errors', () => {
    it.each([
      [{ AvailabilityZone: 'us-east-1a', Size: 0 }, 'InvalidParameterValue', 'Volume of 0GiB is too small; minimum is 1GiB.'],
      [{ AvailabilityZone: 'us-east-1a', Size: 20000 }, 'InvalidParameterValue', 'Volume of 20000GiB is too large; maximum is 16384GiB.'],
      [{ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'io1' }, 'MissingParameter', 'The request must contain the parameter iops'],
      [{ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'io1', Iops: 1000 }, 'InvalidParameterValue', 'Iops to volume size ratio of 100.000000 is too high; maximum is 50.000000.'],
      [{ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp2', Iops: 300 }, 'InvalidParameterCombination', 'The parameter iops is not supported for gp2 volumes.'],
      [{ AvailabilityZone: 'us-east-1a', Size: 100, VolumeType: 'st1' }, 'InvalidParameterValue', 'Volume of 100GiB is too small; minimum is 125GiB.'],
      [{ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'fast' }, 'InvalidParameterValue', 'Value (fast) for parameter volumeType is invalid. Valid values: standard, io1, io2, gp2, sc1, st1, gp3'],
      [{ AvailabilityZone: 'us-east-1z', Size: 10 }, 'InvalidZone.NotFound', "The zone 'us-east-1z' does not exist."],
      [{ AvailabilityZone: 'us-east-1a' }, 'MissingParameter', 'The request must contain the parameter size'],
    ])('CreateVolume %j → %s', async (input, code, message) => {
      const { ec2, count } = ec2Lab();
      await expectAwsError(ec2('CreateVolume', input), code, message);
      expect(count('ec2_volumes')).toBe(0);
    });

    it('malformed and unknown ids', async () => {
      const { ec2 } = ec2Lab();
      await expectAwsError(ec2('DescribeVolumes', { VolumeIds: ['vol-xyz'] }), 'InvalidVolumeID.Malformed', 'Invalid id: "vol-xyz" (expecting "vol-...")');
      await expectAwsError(ec2('DeleteVolume', { VolumeId: 'vol-0123456789abcdef0' }), 'InvalidVolume.NotFound', "The volume 'vol-0123456789abcdef0' does not exist.");
      await expectAwsError(ec2('DescribeSnapshots', { SnapshotIds: ['snap-0123456789abcdef0'] }), 'InvalidSnapshot.NotFound', "The snapshot 'snap-0123456789abcdef0' does not exist.");
    });
  });
});

describe('ModifyVolume', () => {
  it('grows a volume and changes its type; shrinking is refused', async () => {
    const { ec2, advance } = ec2Lab();
    const vol = await ec2('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 5 });
    advance(5_000);
    const mod = await ec2('ModifyVolume', { VolumeId: vol.VolumeId, Size: 10, VolumeType: 'gp3' });
    expect(mod.VolumeModification).toMatchObject({
      VolumeId: vol.VolumeId,
      ModificationState: 'modifying',
      OriginalSize: 5,
      OriginalVolumeType: 'gp2',
      TargetSize: 10,
      TargetVolumeType: 'gp3',
      TargetIops: 3000,
      TargetThroughput: 125,
    });
    expect((await ec2('DescribeVolumes', { VolumeIds: [vol.VolumeId] })).Volumes[0]).toMatchObject({ Size: 10, VolumeType: 'gp3', Iops: 3000, Throughput: 125 });
    await expectAwsError(
      ec2('ModifyVolume', { VolumeId: vol.VolumeId, Size: 8 }),
      'InvalidParameterValue',
      `New size cannot be smaller than existing size. Volume ${vol.VolumeId} is 10GiB; requested 8GiB.`,
    );
  });
});
