import { describe, expect, it } from 'vitest';
import { BOOK_AMI, ec2Lab, expectAwsError } from './lab';

const run = (extra: Record<string, unknown> = {}) => ({ ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, ...extra });

describe('RunInstances errors leave the cloud unchanged', () => {
  it.each([
    [run({ InstanceType: 't2.mega' }), 'InvalidParameterValue', "Invalid value 't2.mega' for InstanceType."],
    [run({ ImageId: 'ami-12345678' }), 'InvalidAMIID.NotFound', "The image id '[ami-12345678]' does not exist"],
    [run({ ImageId: 'ami-xyz' }), 'InvalidAMIID.Malformed', 'Invalid id: "ami-xyz" (expecting "ami-...")'],
    [run({ KeyName: 'nokey' }), 'InvalidKeyPair.NotFound', "The key pair 'nokey' does not exist"],
    [run({ MinCount: 2, MaxCount: 1 }), 'InvalidParameterValue', "Invalid value '2' for minCount. Must be less than or equal to maxCount (1)."],
    [run({ UserData: '###' }), 'InvalidParameterValue', 'Invalid BASE64 encoding of user data.'],
    [run({ UserData: Buffer.alloc(16385, 1).toString('base64') }), 'InvalidParameterValue', 'User data is limited to 16384 bytes'],
    [run({ SubnetId: 'subnet-0123456789abcdef0' }), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0123456789abcdef0' does not exist"],
    [run({ SecurityGroupIds: ['sg-0123456789abcdef0'] }), 'InvalidGroup.NotFound', "The security group 'sg-0123456789abcdef0' does not exist"],
    [run({ DryRun: true }), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'],
  ])('%j → %s', async (input, code, message) => {
    const { ec2, count } = ec2Lab();
    await expectAwsError(ec2('RunInstances', input), code, message, code === 'DryRunOperation' ? 412 : 400);
    expect(count('ec2_instances')).toBe(0);
    expect(count('ec2_volumes')).toBe(0);
    expect(count('ec2_network_interfaces')).toBe(0);
  });

  it('answers InstanceLimitExceeded past 32 instances', async () => {
    const { ec2, count } = ec2Lab();
    await ec2('RunInstances', run({ MinCount: 30, MaxCount: 30 }));
    await expectAwsError(
      ec2('RunInstances', run({ MinCount: 3, MaxCount: 3 })),
      'InstanceLimitExceeded',
      'You have requested more instances (33) than your current instance limit of 32 allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.',
    );
    expect(count('ec2_instances')).toBe(30);
  });
});

describe('instance ids', () => {
  it('malformed and unknown ids, one and several', async () => {
    const { ec2 } = ec2Lab();
    await expectAwsError(ec2('DescribeInstances', { InstanceIds: ['i-xyz'] }), 'InvalidInstanceID.Malformed', 'Invalid id: "i-xyz" (expecting "i-...")');
    await expectAwsError(
      ec2('StopInstances', { InstanceIds: ['i-0123456789abcdef0'] }),
      'InvalidInstanceID.NotFound',
      "The instance ID 'i-0123456789abcdef0' does not exist",
    );
    await expectAwsError(
      ec2('TerminateInstances', { InstanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] }),
      'InvalidInstanceID.NotFound',
      "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist",
    );
  });
});

describe('state errors', () => {
  it('stopping or starting a terminated instance answers IncorrectInstanceState', async () => {
    const { ec2, advance } = ec2Lab();
    const id = (await ec2('RunInstances', run())).Instances[0].InstanceId;
    advance(30_000);
    await ec2('TerminateInstances', { InstanceIds: [id] });
    advance(20_000);
    await expectAwsError(ec2('StopInstances', { InstanceIds: [id] }), 'IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`);
    await expectAwsError(ec2('StartInstances', { InstanceIds: [id] }), 'IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`);
  });

  it('changing the type of a running instance answers IncorrectInstanceState', async () => {
    const { ec2, advance } = ec2Lab();
    const id = (await ec2('RunInstances', run())).Instances[0].InstanceId;
    advance(30_000);
    await expectAwsError(
      ec2('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 'm4.large' } }),
      'IncorrectInstanceState',
      `The instance '${id}' is not in the 'stopped' state.`,
    );
  });

  it('termination protection refuses TerminateInstances', async () => {
    const { ec2 } = ec2Lab();
    const id = (await ec2('RunInstances', run({ DisableApiTermination: true }))).Instances[0].InstanceId;
    await expectAwsError(
      ec2('TerminateInstances', { InstanceIds: [id] }),
      'OperationNotPermitted',
      `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
    await ec2('ModifyInstanceAttribute', { InstanceId: id, DisableApiTermination: { Value: false } });
    await expect(ec2('TerminateInstances', { InstanceIds: [id] })).resolves.toMatchObject({ TerminatingInstances: [{ InstanceId: id }] });
  });
});
