import { describe, expect, it } from 'vitest';
import { BOOK_AMI, ec2Lab, expectAwsError } from './lab';

describe('RunInstances and the instance lifecycle', () => {
  it('runs the book flow: default VPC, launch, pending → running after 30 s, terminate → gone after an hour', async () => {
    const { ec2, advance } = ec2Lab();
    await ec2('CreateKeyPair', { KeyName: 'mykey' });
    const run = await ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.micro', KeyName: 'mykey', MinCount: 1, MaxCount: 1 });
    const inst = run.Instances[0];
    expect(inst.State).toEqual({ Code: 0, Name: 'pending' });
    expect(inst.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(inst.KeyName).toBe('mykey');
    expect(inst.Placement.AvailabilityZone).toBe('us-east-1a');
    expect(inst.PrivateIpAddress).toMatch(/^172\.31\.\d+\.\d+$/);
    // The default subnet maps a public address on launch; it is there from `pending` on.
    expect(inst.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(inst.BlockDeviceMappings).toHaveLength(1);
    expect(inst.BlockDeviceMappings[0].DeviceName).toBe('/dev/xvda');
    advance(29_000);
    let d = await ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] });
    expect(d.Reservations[0].Instances[0].State.Name).toBe('pending');
    advance(1_000);
    d = await ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] });
    const running = d.Reservations[0].Instances[0];
    expect(running.State).toEqual({ Code: 16, Name: 'running' });
    expect(running.PublicIpAddress).toBe(inst.PublicIpAddress);
    expect(running.PublicDnsName).toBe(`ec2-${running.PublicIpAddress.replaceAll('.', '-')}.compute-1.amazonaws.com`);
    const t = await ec2('TerminateInstances', { InstanceIds: [inst.InstanceId] });
    expect(t.TerminatingInstances).toEqual([
      { InstanceId: inst.InstanceId, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } },
    ]);
    advance(20_000);
    d = await ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] });
    expect(d.Reservations[0].Instances[0].State).toEqual({ Code: 48, Name: 'terminated' });
    expect((await ec2('DescribeVolumes')).Volumes).toEqual([]);
    advance(3_600_000);
    await expectAwsError(
      ec2('DescribeInstances', { InstanceIds: [inst.InstanceId] }),
      'InvalidInstanceID.NotFound',
      `The instance ID '${inst.InstanceId}' does not exist`,
    );
  });
});
