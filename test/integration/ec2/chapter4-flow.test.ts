import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';
import { awsCli, type CliResult } from '../../helpers/clients';

// The book's chapter 4 script (virtualmachine.sh, §4.2.4) typed through Debian's real AWS CLI v2,
// then volumes (§9.1.4), stop/resize/start (§3.4) through aws-sdk v2, and bad input. The lab runs
// at warp 200 so the CLI's waiters (which poll every 15 real seconds) find the instance already
// running or terminated at their first poll.
let lab: RunningLab;
let ec2: AWS.EC2;

const ok = (r: CliResult): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim();
};

beforeAll(async () => {
  lab = await startLab({ extraArgs: ['--warp', '200'] });
  ec2 = new AWS.EC2({
    endpoint: lab.endpoint,
    region: 'us-east-1',
    credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
    maxRetries: 0,
  });
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('chapter 4: a virtual machine from the CLI', () => {
  it('finds the AMI, default VPC and subnet, launches, waits, reads the public name, terminates', () => {
    const ami = ok(
      awsCli(lab, ['ec2', 'describe-images', '--filters', 'Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2', '--query', 'Images[0].ImageId', '--output', 'text']),
    );
    expect(ami).toBe('ami-6057e21a');
    const vpc = ok(awsCli(lab, ['ec2', 'describe-vpcs', '--filter', 'Name=isDefault, Values=true', '--query', 'Vpcs[0].VpcId', '--output', 'text']));
    expect(vpc).toMatch(/^vpc-0[0-9a-f]{16}$/);
    const subnet = ok(awsCli(lab, ['ec2', 'describe-subnets', '--filters', `Name=vpc-id, Values=${vpc}`, '--query', 'Subnets[0].SubnetId', '--output', 'text']));
    expect(subnet).toMatch(/^subnet-0[0-9a-f]{16}$/);
    const pem = ok(awsCli(lab, ['ec2', 'create-key-pair', '--key-name', 'mykey', '--query', 'KeyMaterial', '--output', 'text']));
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/);
    const sg = ok(awsCli(lab, ['ec2', 'create-security-group', '--group-name', 'mysecuritygroup', '--description', 'My security group', '--vpc-id', vpc, '--output', 'text']));
    expect(sg).toMatch(/sg-0[0-9a-f]{16}/);
    const sgId = /sg-0[0-9a-f]{16}/.exec(sg)![0];
    ok(awsCli(lab, ['ec2', 'authorize-security-group-ingress', '--group-id', sgId, '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0']));
    const instanceId = ok(
      awsCli(lab, [
        'ec2', 'run-instances', '--image-id', ami, '--key-name', 'mykey', '--instance-type', 't2.micro', '--security-group-ids', sgId,
        '--subnet-id', subnet, '--query', 'Instances[0].InstanceId', '--output', 'text',
      ]),
    );
    expect(instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    const t0 = Date.now();
    ok(awsCli(lab, ['ec2', 'wait', 'instance-running', '--instance-ids', instanceId]));
    expect(Date.now() - t0).toBeLessThan(10_000);
    const dns = ok(awsCli(lab, ['ec2', 'describe-instances', '--instance-ids', instanceId, '--query', 'Reservations[0].Instances[0].PublicDnsName', '--output', 'text']));
    expect(dns).toMatch(/^ec2-\d+-\d+-\d+-\d+\.compute-1\.amazonaws\.com$/);
    const groups = ok(awsCli(lab, ['ec2', 'describe-instances', '--instance-ids', instanceId, '--query', 'Reservations[0].Instances[0].SecurityGroups[0].GroupName', '--output', 'text']));
    expect(groups).toBe('mysecuritygroup');
    ok(awsCli(lab, ['ec2', 'terminate-instances', '--instance-ids', instanceId]));
    ok(awsCli(lab, ['ec2', 'wait', 'instance-terminated', '--instance-ids', instanceId]));
    expect(Date.now() - t0).toBeLessThan(20_000);
    ok(awsCli(lab, ['ec2', 'delete-security-group', '--group-id', sgId]));
    // The book's first describe-instances filter prints an empty reservation list once all is gone.
    expect(ok(awsCli(lab, ['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running']))).toBe('{\n    "Reservations": []\n}');
  });

  it('volumes: create, attach, snapshot, restore, delete (§9.1.4)', () => {
    const run = awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--placement', 'AvailabilityZone=us-east-1a', '--query', 'Instances[0].InstanceId', '--output', 'text']);
    const instanceId = ok(run);
    ok(awsCli(lab, ['ec2', 'wait', 'instance-running', '--instance-ids', instanceId]));
    const vol = ok(awsCli(lab, ['ec2', 'create-volume', '--availability-zone', 'us-east-1a', '--size', '5', '--volume-type', 'gp2', '--query', 'VolumeId', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-available', '--volume-ids', vol]));
    const att = JSON.parse(ok(awsCli(lab, ['ec2', 'attach-volume', '--volume-id', vol, '--instance-id', instanceId, '--device', '/dev/xvdf'])));
    expect(att).toMatchObject({ Device: '/dev/xvdf', InstanceId: instanceId, State: 'attaching', VolumeId: vol });
    ok(awsCli(lab, ['ec2', 'wait', 'volume-in-use', '--volume-ids', vol]));
    expect(ok(awsCli(lab, ['ec2', 'describe-volumes', '--region', 'us-east-1', '--filters', 'Name=size,Values=5', '--query', 'Volumes[].VolumeId', '--output', 'text']))).toBe(vol);
    const snap = ok(awsCli(lab, ['ec2', 'create-snapshot', '--region', 'us-east-1', '--volume-id', vol, '--query', 'SnapshotId', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'wait', 'snapshot-completed', '--snapshot-ids', snap]));
    expect(ok(awsCli(lab, ['ec2', 'describe-snapshots', '--region', 'us-east-1', '--snapshot-ids', snap, '--query', 'Snapshots[0].[State,Progress]', '--output', 'text']))).toBe(
      'completed\t100%',
    );
    const restored = ok(
      awsCli(lab, ['ec2', 'create-volume', '--region', 'us-east-1', '--snapshot-id', snap, '--availability-zone', 'us-east-1a', '--query', 'VolumeId', '--output', 'text']),
    );
    ok(awsCli(lab, ['ec2', 'wait', 'volume-available', '--volume-ids', restored]));
    ok(awsCli(lab, ['ec2', 'delete-snapshot', '--region', 'us-east-1', '--snapshot-id', snap]));
    ok(awsCli(lab, ['ec2', 'delete-volume', '--region', 'us-east-1', '--volume-id', restored]));
    const inUse = awsCli(lab, ['ec2', 'delete-volume', '--volume-id', vol]);
    expect(inUse.status).toBe(254);
    expect(inUse.stderr.trim()).toBe(`An error occurred (VolumeInUse) when calling the DeleteVolume operation: Volume ${vol} is currently attached to ${instanceId}`);
    ok(awsCli(lab, ['ec2', 'detach-volume', '--volume-id', vol]));
    ok(awsCli(lab, ['ec2', 'wait', 'volume-available', '--volume-ids', vol]));
    ok(awsCli(lab, ['ec2', 'delete-volume', '--volume-id', vol]));
    ok(awsCli(lab, ['ec2', 'terminate-instances', '--instance-ids', instanceId]));
  });

  it('bad input answers AWS errors and changes nothing', () => {
    const malformed = awsCli(lab, ['ec2', 'describe-instances', '--instance-ids', 'i-123']);
    expect(malformed.status).toBe(254);
    expect(malformed.stderr.trim()).toBe('An error occurred (InvalidInstanceID.Malformed) when calling the DescribeInstances operation: Invalid id: "i-123" (expecting "i-...")');
    const type = awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.gigantic']);
    expect(type.stderr.trim()).toBe("An error occurred (InvalidParameterValue) when calling the RunInstances operation: Invalid value 't2.gigantic' for InstanceType.");
    const ami = awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-00000000', '--instance-type', 't2.micro']);
    expect(ami.stderr.trim()).toBe("An error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: The image id '[ami-00000000]' does not exist");
    const dry = awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--dry-run']);
    expect(dry.stderr.trim()).toBe('An error occurred (DryRunOperation) when calling the RunInstances operation: Request would have succeeded, but DryRun flag is set.');
    const id = ok(awsCli(lab, ['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--query', 'Instances[0].InstanceId', '--output', 'text']));
    ok(awsCli(lab, ['ec2', 'terminate-instances', '--instance-ids', id]));
    ok(awsCli(lab, ['ec2', 'wait', 'instance-terminated', '--instance-ids', id]));
    const stop = awsCli(lab, ['ec2', 'stop-instances', '--instance-ids', id]);
    expect(stop.stderr.trim()).toBe(`An error occurred (IncorrectInstanceState) when calling the StopInstances operation: This instance '${id}' is not in a state from which it can be stopped.`);
    const missing = awsCli(lab, ['ec2', 'terminate-instances', '--instance-ids', 'i-0123456789abcdef0']);
    expect(missing.stderr.trim()).toBe("An error occurred (InvalidInstanceID.NotFound) when calling the TerminateInstances operation: The instance ID 'i-0123456789abcdef0' does not exist");
  });
});

// In-process SDK calls follow each other within milliseconds: poll every second, not every 15.
const FAST = { delay: 1, maxAttempts: 20 };

describe('aws-sdk v2 (the book\'s nodecc and scripts)', () => {
  it('stop, modify the instance type, start (§3.4), with the SDK\'s waiters', async () => {
    const run = await ec2.runInstances({ ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }).promise();
    const id = run.Instances![0]!.InstanceId!;
    await ec2.waitFor('instanceRunning', { InstanceIds: [id], $waiter: FAST }).promise();
    const first = (await ec2.describeInstances({ InstanceIds: [id] }).promise()).Reservations![0]!.Instances![0]!;
    expect(first.State).toEqual({ Code: 16, Name: 'running' });
    await ec2.stopInstances({ InstanceIds: [id] }).promise();
    await ec2.waitFor('instanceStopped', { InstanceIds: [id], $waiter: FAST }).promise();
    await expect(ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 'm4.large' } }).promise()).resolves.toEqual({});
    await ec2.startInstances({ InstanceIds: [id] }).promise();
    await ec2.waitFor('instanceRunning', { InstanceIds: [id], $waiter: FAST }).promise();
    const after = (await ec2.describeInstances({ InstanceIds: [id] }).promise()).Reservations![0]!.Instances![0]!;
    expect(after.InstanceType).toBe('m4.large');
    expect(after.PublicIpAddress).toBeDefined();
    expect(after.PublicIpAddress).not.toBe(first.PublicIpAddress);
    const console = await ec2.getConsoleOutput({ InstanceId: id }).promise();
    expect(Buffer.from(console.Output!, 'base64').toString()).toContain('Cloud-init');
    const err = await ec2.stopInstances({ InstanceIds: ['i-nope'] }).promise().catch((e: AWS.AWSError) => e);
    expect(err).toMatchObject({ code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-nope" (expecting "i-...")', statusCode: 400 });
    await ec2.terminateInstances({ InstanceIds: [id] }).promise();
  });
});
