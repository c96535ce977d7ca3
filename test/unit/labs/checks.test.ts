/**
 * Checks read the cloud's state, whatever made it: console or CLI, any order, extra resources. Undoing
 * a step turns its check red again, with a reason that says what is missing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLab, runningInstance, stepOf, ubuntuImage, type TestLab } from './helpers';

let lab: TestLab;
beforeEach(() => {
  lab = openLab();
});
afterEach(() => lab.close());

async function sshOnly(cidr: string, source: 'cli' | 'console' = 'cli'): Promise<string> {
  const vpcs = (await lab.aws('ec2', 'DescribeVpcs', {})).Vpcs as { VpcId: string; IsDefault: boolean }[];
  const vpcId = vpcs.find((v) => v.IsDefault)!.VpcId;
  const g = await lab.aws('ec2', 'CreateSecurityGroup', { GroupName: 'ssh-only', Description: 'ssh', VpcId: vpcId }, { source });
  await lab.aws('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: g.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }] }] }, { source });
  return String(g.GroupId);
}

async function mymachine(group: string, extra: Record<string, unknown> = {}): Promise<string> {
  return runningInstance(lab, {
    ImageId: await ubuntuImage(lab),
    InstanceType: 't2.micro',
    KeyName: 'mykey',
    SecurityGroupIds: [group],
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'mymachine' }] }],
    ...extra,
  });
}

describe('chapter 1: key pair mykey', () => {
  it('passes when the key pair was made with the CLI, and turns red when it is deleted', async () => {
    await lab.labs.start(1);
    expect(stepOf(await lab.labs.evaluate(1), 'key-pair')).toMatchObject({
      status: 'failed',
      detail: 'There is no key pair named mykey in us-east-1 yet.',
    });
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    expect(stepOf(await lab.labs.evaluate(1), 'key-pair')).toMatchObject({ status: 'passed', detail: 'The key pair mykey exists in us-east-1.' });
    await lab.aws('ec2', 'DeleteKeyPair', { KeyName: 'mykey' });
    const after = stepOf(await lab.labs.evaluate(1), 'key-pair');
    expect(after.status).toBe('failed');
    expect(after.firstPassedAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('says so when mykey exists only in another region', async () => {
    await lab.labs.start(1);
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' }, { region: 'eu-west-1' });
    expect(stepOf(await lab.labs.evaluate(1), 'key-pair')).toMatchObject({
      status: 'failed',
      detail: 'mykey exists in eu-west-1, but the book works in us-east-1: create it there too.',
    });
  });

  it('does not count the billing alarm while CloudWatch is missing, and says why', async () => {
    const s = await lab.labs.start(1);
    const alarm = stepOf(s, 'billing-alarm');
    if (lab.engine.services.includes('monitoring')) return;
    expect(alarm.status).toBe('unavailable');
    expect(alarm.counted).toBe(false);
    expect(alarm.detail).toMatch(/^Billing alarms need CloudWatch and SNS in the lab; this step is not counted until they exist\./);
    expect(s.total).toBe(s.steps.filter((x) => x.id !== 'billing-alarm').length);
  });
});

describe('chapter 3: launch mymachine', () => {
  it('passes whether the group came from the console or the CLI, with extra instances around', async () => {
    await lab.labs.start(3); // its prepared state has mykey
    const group = await sshOnly('0.0.0.0/0', 'console');
    // An unrelated machine launched first does not confuse the check.
    await runningInstance(lab, { ImageId: await ubuntuImage(lab), InstanceType: 't2.nano' });
    const id = await mymachine(group);
    const launch = stepOf(await lab.labs.evaluate(3), 'launch');
    expect(launch.status).toBe('passed');
    expect(launch.detail).toContain(`mymachine (${id}, t2.micro) is running`);
  });

  it('names the security-group rule that keeps SSH out', async () => {
    await lab.labs.start(3); // its prepared state has mykey
    const group = await sshOnly('10.0.0.0/8');
    await mymachine(group);
    const launch = stepOf(await lab.labs.evaluate(3), 'launch');
    expect(launch.status).toBe('failed');
    expect(launch.detail).toMatch(/^SSH would not get through: /);
    expect(launch.detail).toContain('10.0.0.0/8');
    expect(launch.detail).toContain('203.0.113.10');
  });

  it('turns red when mymachine is stopped, and the terminate step needs the launch first', async () => {
    await lab.labs.start(3);
    let s = await lab.labs.evaluate(3);
    expect(stepOf(s, 'terminate')).toMatchObject({ status: 'failed', detail: 'Launch mymachine first (step 1).' });
    const id = await mymachine(await sshOnly('0.0.0.0/0'));
    s = await lab.labs.evaluate(3);
    expect(stepOf(s, 'launch').status).toBe('passed');
    expect(stepOf(s, 'terminate')).toMatchObject({ status: 'failed', detail: `mymachine (${id}: running) is still there.` });
    await lab.aws('ec2', 'StopInstances', { InstanceIds: [id] });
    s = await lab.labs.evaluate(3);
    expect(stepOf(s, 'launch').status).toBe('failed');
    expect(stepOf(s, 'launch').detail).toMatch(new RegExp(`^mymachine \\(${id}\\) is (stopping|stopped); wait until it is running\\.$`));
  });

  it('wants the key pair mykey on mymachine', async () => {
    await lab.labs.start(3);
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'other' });
    await mymachine(await sshOnly('0.0.0.0/0'), { KeyName: 'other' });
    expect(stepOf(await lab.labs.evaluate(3), 'launch')).toMatchObject({
      status: 'failed',
      detail: 'mymachine was launched with the key pair other, not mykey: you could not log in with mykey.pem.',
    });
  });
});

describe('chapter 4: the CLI user', () => {
  it('accepts AdministratorAccess through a group, and goes red when the key is deleted', async () => {
    await lab.labs.start(4);
    await lab.aws('iam', 'CreateUser', { UserName: 'mycli' });
    expect(stepOf(await lab.labs.evaluate(4), 'cli-user')).toMatchObject({
      status: 'failed',
      detail: 'mycli exists but has no AdministratorAccess (attach it to the user or to one of its groups).',
    });
    await lab.aws('iam', 'CreateGroup', { GroupName: 'ops' });
    await lab.aws('iam', 'AttachGroupPolicy', { GroupName: 'ops', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    await lab.aws('iam', 'AddUserToGroup', { GroupName: 'ops', UserName: 'mycli' });
    expect(stepOf(await lab.labs.evaluate(4), 'cli-user')).toMatchObject({ status: 'failed', detail: 'mycli has no active access key: create one and keep its secret.' });
    const key = (await lab.aws('iam', 'CreateAccessKey', { UserName: 'mycli' })).AccessKey as { AccessKeyId: string };
    expect(stepOf(await lab.labs.evaluate(4), 'cli-user')).toMatchObject({
      status: 'passed',
      detail: `mycli has AdministratorAccess and the access key ${key.AccessKeyId}.`,
    });
    await lab.aws('iam', 'DeleteAccessKey', { UserName: 'mycli', AccessKeyId: key.AccessKeyId });
    expect(stepOf(await lab.labs.evaluate(4), 'cli-user').status).toBe('failed');
  });
});

describe('chapter 6: firewalls', () => {
  it('passes SSH-only-from-your-address only when no wider rule remains', async () => {
    await lab.labs.start(6);
    const group = await sshOnly('0.0.0.0/0');
    const id = await mymachine(group);
    let step = stepOf(await lab.labs.evaluate(6), 'firewall-ssh-ip');
    expect(step).toMatchObject({
      status: 'failed',
      detail: `No machine accepts SSH only from your address: ${id} accepts SSH from 0.0.0.0/0 as well, not only from your address 203.0.113.10/32.`,
    });
    await lab.aws('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.10/32' }] }] });
    await lab.aws('ec2', 'RevokeSecurityGroupIngress', { GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    step = stepOf(await lab.labs.evaluate(6), 'firewall-ssh-ip');
    expect(step).toMatchObject({ status: 'passed', detail: `${id} accepts SSH only from your address 203.0.113.10/32.` });
  });
});
