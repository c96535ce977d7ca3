/**
 * The oracle for the book's EC2 commands (book-coverage §B.1): the §4.2.4 flow (security group, ingress,
 * run-instances, waiters, describe-instances with the book's queries, terminate, delete) and the §9.1.4
 * volume and snapshot commands, each through the real AWS CLI and ours. Each CLI works on its own
 * resources (lane `r` or `o`, from the suffix); read-only commands see the same cloud.
 */
import { describe, expect, it } from 'vitest';
import { useOracle, createLanes, FORMATS } from './oracle-lab';

const oracle = useOracle();
const { compare } = oracle;
const MIN = 60_000;

/** Instance members newer than CLI 2.9.19's EC2 model (the real CLI drops them from what it prints). */
const NEWER_INSTANCE = ['CurrentInstanceBootMode'];
/** Text and table output cannot drop a member: select what both models know. */
const INSTANCE_2_9 = 'Reservations[].Instances[].{Id: InstanceId, State: State, Type: InstanceType, Groups: SecurityGroups, Placement: Placement, Dns: PublicDnsName, Ip: PublicIpAddress, Devices: BlockDeviceMappings}';

const { ids, lane, keep, get: id } = createLanes();

describe('ec2 describes the book uses', () => {
  it('describe-images: all, --query, --output text, wildcard', async () => {
    await compare(() => ['ec2', 'describe-images']);
    await compare(() => ['ec2', 'describe-images', '--query', 'Images[0].ImageId']);
    await compare(() => ['ec2', 'describe-images', '--output', 'text']);
    await compare(() => ['ec2', 'describe-images', '--query', 'Images[*].State']);
    keep('ami', await compare(() => ['ec2', 'describe-images', '--filters', 'Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2', '--query', 'Images[0].ImageId', '--output', 'text']));
    expect(ids.o.ami).toMatch(/^ami-[0-9a-f]+$/);
  });
  it('describe-vpcs / describe-subnets as in §4.2.4 and §5.3.2', async () => {
    keep('vpc', await compare(() => ['ec2', 'describe-vpcs', '--filter', 'Name=isDefault, Values=true', '--query', 'Vpcs[0].VpcId', '--output', 'text']));
    await compare(() => ['ec2', 'describe-vpcs', '--query', 'Vpcs[0].VpcId', '--output', 'text']);
    keep('subnet', await compare((s) => ['ec2', 'describe-subnets', '--filters', `Name=vpc-id, Values=${id(s, 'vpc')}`, '--query', 'Subnets[0].SubnetId', '--output', 'text']));
    for (const f of ['table', 'text']) await compare((s) => ['ec2', 'describe-subnets', '--filters', `Name=vpc-id,Values=${id(s, 'vpc')}`, '--output', f]);
  });
});

describe('the §4.2.4 virtual machine, start to finish', () => {
  it('create-key-pair, and a duplicate key pair', async () => {
    await compare((s) => ['ec2', 'create-key-pair', '--key-name', (ids[lane(s)].key = `mykey-${s}`)]);
    await compare((s) => ['ec2', 'create-key-pair', '--key-name', id(s, 'key')]);
    await compare(() => ['ec2', 'describe-key-pairs', '--query', 'KeyPairs[].KeyName', '--output', 'text'], { sort: true });
  });
  it('create-security-group --output text, a duplicate group, authorize-security-group-ingress', async () => {
    const sg = await compare((s) => ['ec2', 'create-security-group', '--group-name', (ids[lane(s)].sgName = `mysecuritygroup-${s}`), '--description', 'My security group', '--vpc-id', id(s, 'vpc'), '--output', 'text']);
    keep('sg', sg);
    await compare((s) => ['ec2', 'create-security-group', '--group-name', id(s, 'sgName'), '--description', 'again', '--vpc-id', id(s, 'vpc')]);
    await compare(() => ['ec2', 'create-security-group', '--group-name', 'default', '--description', 'reserved', '--vpc-id', ids.o.vpc!]);
    await compare((s) => ['ec2', 'authorize-security-group-ingress', '--group-id', id(s, 'sg'), '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0']);
    await compare((s) => ['ec2', 'authorize-security-group-ingress', '--group-id', id(s, 'sg'), '--protocol', 'tcp', '--port', '22', '--cidr', '0.0.0.0/0']);
    for (const f of FORMATS) await compare((s) => ['ec2', 'describe-security-groups', '--group-ids', id(s, 'sg'), '--output', f]);
  });
  it('run-instances with the book\'s flags and query; full JSON too', async () => {
    const run = (s: string, extra: string[]) => ['ec2', 'run-instances', '--image-id', ids.o.ami!, '--key-name', id(s, 'key'), '--instance-type', 't2.micro', '--security-group-ids', id(s, 'sg'), '--subnet-id', id(s, 'subnet'), ...extra];
    keep('i', await compare((s) => run(s, ['--query', 'Instances[0].InstanceId', '--output', 'text'])));
    expect(ids.o.i).toMatch(/^i-[0-9a-f]{17}$/);
    keep('i2', await compare((s) => run(s, ['--query', 'Instances[0].InstanceId', '--output', 'text'])));
    const full = await compare((s) => run(s, []), { newer: NEWER_INSTANCE });
    for (const l of ['r', 'o'] as const) ids[l].i3 = (JSON.parse((l === 'r' ? full.real : full.ours).stdout) as { Instances: { InstanceId: string }[] }).Instances[0]!.InstanceId;
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', 'Reservations[0].Instances[0].PublicDnsName', '--output', 'text']);
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', 'Reservations[0].Instances[0].State']);
  });
  it('wait instance-running, then the describe-instances of §4.2.4, §6.2.3 and §14.2', async () => {
    oracle.advance(2 * MIN);
    await compare((s) => ['ec2', 'wait', 'instance-running', '--instance-ids', id(s, 'i')]);
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i')], { newer: NEWER_INSTANCE });
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', INSTANCE_2_9, '--output', 'text']);
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', INSTANCE_2_9, '--output', 'table']);
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', 'Reservations[0].Instances[0].PublicDnsName', '--output', 'text']);
    await compare(() => ['ec2', 'describe-instances', '--filters', 'Name=instance-state-name,Values=running', '--query', 'Reservations[].Instances[].PublicIpAddress', '--output', 'text']);
    await compare(() => ['ec2', 'describe-instances', '--filters', 'Name=instance-type,Values=t2.micro', '--query', 'length(Reservations)']);
    await compare(() => ['ec2', 'describe-instances', '--filters', 'Name=tag-key,Values=aws:cloudformation:stack-name Name=tag-value,Values=wordpress', '--output', 'text', '--query', 'Reservations[0].Instances[0].PublicIpAddress']);
    await compare((s) => ['ec2', 'describe-instances', '--filters', `Name=instance-id,Values=${id(s, 'i')}`, 'Name=instance-state-code,Values=16', '--query', 'Reservations[0].Instances[0].[InstanceId, PublicIpAddress, PrivateIpAddress, SubnetId]']);
    await compare((s) => ['ec2', 'describe-instances', '--filters', `Name=instance-id,Values=${id(s, 'i')}`, 'Name=instance-state-code,Values=16', '--query', 'Reservations[0].Instances[0].InstanceId', '--output', 'text']);
    await compare(() => ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=jenkins-multiaz', 'Name=instance-state-code,Values=16', '--query', 'Reservations[0].Instances[0].InstanceId', '--output', 'text']);
  });
  it('associate-address with an Elastic IP (§14.2.5)', async () => {
    keep('eip', await compare(() => ['ec2', 'allocate-address', '--domain', 'vpc', '--query', 'AllocationId', '--output', 'text']));
    await compare((s) => ['ec2', 'associate-address', '--instance-id', id(s, 'i'), '--allocation-id', id(s, 'eip')]);
    await compare((s) => ['ec2', 'describe-addresses', '--allocation-ids', id(s, 'eip')]);
  });
  it('stop-instances --region (§6.3.5), a group still in use', async () => {
    await compare((s) => ['ec2', 'stop-instances', '--instance-ids', id(s, 'i2'), '--region', 'us-east-1']);
    await compare((s) => ['ec2', 'delete-security-group', '--group-id', id(s, 'sg')]);
  });
});

describe('the §9.1.4 volumes and snapshots', () => {
  it('create-volume, describe-volumes with the book\'s filter, create/describe/delete snapshot, delete-volume', async () => {
    keep('vol', await compare(() => ['ec2', 'create-volume', '--size', '5', '--availability-zone', 'us-east-1a', '--query', 'VolumeId', '--output', 'text']));
    oracle.advance(MIN);
    await compare(() => ['ec2', 'describe-volumes', '--region', 'us-east-1', '--filters', 'Name=size,Values=5', '--query', 'Volumes[].VolumeId', '--output', 'text']);
    const snap = await compare((s) => ['ec2', 'create-snapshot', '--region', 'us-east-1', '--volume-id', id(s, 'vol')]);
    ids.r.snap = (JSON.parse(snap.real.stdout) as { SnapshotId: string }).SnapshotId;
    ids.o.snap = (JSON.parse(snap.ours.stdout) as { SnapshotId: string }).SnapshotId;
    await compare((s) => ['ec2', 'create-snapshot', '--volume-id', id(s, 'vol'), '--description', 'EFS backup', '--output', 'table']);
    await compare((s) => ['ec2', 'describe-snapshots', '--region', 'us-east-1', '--snapshot-ids', id(s, 'snap')]);
    oracle.advance(10 * MIN);
    await compare((s) => ['ec2', 'describe-snapshots', '--region', 'us-east-1', '--snapshot-ids', id(s, 'snap'), '--output', 'text']);
    keep('vol2', await compare((s) => ['ec2', 'create-volume', '--region', 'us-east-1', '--snapshot-id', id(s, 'snap'), '--availability-zone', 'us-east-1a', '--query', 'VolumeId', '--output', 'text']));
    await compare((s) => ['ec2', 'delete-snapshot', '--region', 'us-east-1', '--snapshot-id', id(s, 'snap')]);
    oracle.advance(MIN);
    await compare((s) => ['ec2', 'delete-volume', '--region', 'us-east-1', '--volume-id', id(s, 'vol2')]);
    await compare((s) => ['ec2', 'delete-volume', '--region', 'us-east-1', '--volume-id', id(s, 'vol2')]);
  });
});

describe('terminating, and the waiter failure of §4.2.4', () => {
  it('terminate-instances, wait instance-terminated, wait instance-running fails, delete-security-group', async () => {
    await compare((s) => ['ec2', 'terminate-instances', '--instance-ids', id(s, 'i'), id(s, 'i2'), id(s, 'i3')]);
    oracle.advance(5 * MIN);
    await compare((s) => ['ec2', 'wait', 'instance-terminated', '--instance-ids', id(s, 'i')]);
    await compare((s) => ['ec2', 'wait', 'instance-running', '--instance-ids', id(s, 'i')]);
    await compare((s) => ['ec2', 'describe-instances', '--instance-ids', id(s, 'i'), '--query', INSTANCE_2_9, '--output', 'table']);
    await compare((s) => ['ec2', 'delete-security-group', '--group-id', id(s, 'sg')]);
    await compare((s) => ['ec2', 'delete-key-pair', '--key-name', id(s, 'key')], { newer: ['Return', 'KeyPairId'] });
  });
});

describe('ec2 errors', () => {
  it('an unknown instance id, a malformed one, an unknown group', async () => {
    await compare(() => ['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0']);
    await compare(() => ['ec2', 'describe-instances', '--instance-ids', 'i-nope']);
    await compare(() => ['ec2', 'terminate-instances', '--instance-ids', 'i-0123456789abcdef0']);
    await compare(() => ['ec2', 'delete-security-group', '--group-id', 'sg-0123456789abcdef0']);
    await compare(() => ['ec2', 'run-instances', '--image-id', 'ami-00000000', '--instance-type', 't2.micro']);
    await compare(() => ['ec2', 'describe-volumes', '--volume-ids', 'vol-0123456789abcdef0']);
    await compare(() => ['ec2', 'describe-snapshots', '--snapshot-ids', 'snap-0123456789abcdef0']);
  });
});
