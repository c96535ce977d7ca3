import { describe, expect, it } from 'vitest';
import { BOOK_AMI, ec2Lab, expectAwsError } from './lab';

const run = (extra: Record<string, unknown> = {}) => ({ ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, ...extra });

describe('RunInstances options', () => {
  it('a retry with the same ClientToken returns the first reservation and launches nothing new', async () => {
    const { ec2, count } = ec2Lab();
    const a = await ec2('RunInstances', run({ ClientToken: 'once' }));
    const b = await ec2('RunInstances', run({ ClientToken: 'once' }));
    expect(b.ReservationId).toBe(a.ReservationId);
    expect(b.Instances.map((i: { InstanceId: string }) => i.InstanceId)).toEqual(a.Instances.map((i: { InstanceId: string }) => i.InstanceId));
    expect(count('ec2_instances')).toBe(1);
  });

  it('security groups by name in the default VPC, tags on instance and volume, an instance profile, no public address', async () => {
    const { ec2 } = ec2Lab();
    const vpc = (await ec2('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] })).Vpcs[0].VpcId;
    const sg = await ec2('CreateSecurityGroup', { GroupName: 'ssh-only', Description: 'SSH from anywhere', VpcId: vpc });
    const out = await ec2(
      'RunInstances',
      run({
        SecurityGroups: ['ssh-only'],
        IamInstanceProfile: { Name: 'ec2-iamrole' },
        NetworkInterfaces: undefined,
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'mymachine' }] },
          { ResourceType: 'volume', Tags: [{ Key: 'owner', Value: 'me' }] },
        ],
      }),
    );
    const inst = out.Instances[0];
    expect(inst.SecurityGroups).toEqual([{ GroupId: sg.GroupId, GroupName: 'ssh-only' }]);
    expect(inst.Tags).toEqual([{ Key: 'Name', Value: 'mymachine' }]);
    expect(inst.IamInstanceProfile.Arn).toMatch(/^arn:aws:iam::\d{12}:instance-profile\/ec2-iamrole$/);
    const vols = await ec2('DescribeVolumes', { Filters: [{ Name: 'tag:owner', Values: ['me'] }] });
    expect(vols.Volumes).toHaveLength(1);
    expect(vols.Volumes[0].Attachments[0]).toMatchObject({ InstanceId: inst.InstanceId, Device: '/dev/xvda', DeleteOnTermination: true });

    const quiet = await ec2('RunInstances', run({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] }));
    expect(quiet.Instances[0].PublicIpAddress).toBeUndefined();
    await expectAwsError(
      ec2('RunInstances', run({ SubnetId: 'subnet-0123456789abcdef0', NetworkInterfaces: [{ DeviceIndex: 0 }] })),
      'InvalidParameterCombination',
      'Network interfaces and an instance-level subnet ID may not be specified on the same request',
    );
  });

  it('an extra EBS volume that survives termination when DeleteOnTermination is false', async () => {
    const { ec2, advance } = ec2Lab();
    const out = await ec2(
      'RunInstances',
      run({
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 16 } },
          { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, VolumeType: 'gp2', DeleteOnTermination: false } },
        ],
      }),
    );
    const inst = out.Instances[0];
    expect(inst.BlockDeviceMappings.map((b: { DeviceName: string }) => b.DeviceName)).toEqual(['/dev/xvda', '/dev/sdf']);
    const sizes = (await ec2('DescribeVolumes')).Volumes.map((v: { Size: number }) => v.Size).sort((a: number, b: number) => a - b);
    expect(sizes).toEqual([5, 16]);
    advance(30_000);
    await ec2('TerminateInstances', { InstanceIds: [inst.InstanceId] });
    advance(20_000);
    const left = (await ec2('DescribeVolumes')).Volumes;
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ Size: 5, State: 'available', Attachments: [] });
    await expectAwsError(
      ec2('RunInstances', run({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 4 } }] })),
      'InvalidParameterValue',
      `Volume of 4GiB is smaller than snapshot '${(await ec2('DescribeImages', { ImageIds: [BOOK_AMI] })).Images[0].BlockDeviceMappings[0].Ebs.SnapshotId}', expect size >= 8GiB`,
    );
  });
});
