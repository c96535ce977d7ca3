/**
 * The EFS API through real clients against an in-process lab on a stopped clock: SDK v3
 * (@aws-sdk/client-efs, rest-json) and Debian's AWS CLI v2 (`aws efs …`). File systems (creation
 * token idempotency, modes, encryption, tags, creating → available), mount targets (one per zone,
 * a real EC2 network interface, security groups), access points, lifecycle, backup and file system
 * policies, and AWS's errors with their codes, messages and statuses.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DeleteAccessPointCommand,
  DeleteFileSystemCommand,
  DeleteMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  DescribeFileSystemsCommand,
  DescribeLifecycleConfigurationCommand,
  DescribeMountTargetSecurityGroupsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  ListTagsForResourceCommand,
  ModifyMountTargetSecurityGroupsCommand,
  PutBackupPolicyCommand,
  PutFileSystemPolicyCommand,
  PutLifecycleConfigurationCommand,
  TagResourceCommand,
  UpdateFileSystemCommand,
} from '@aws-sdk/client-efs';
import { createClock } from '../../../src-main/engine/clock/clock';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';
import { AWS_CLI } from '../../helpers/clients';

/* eslint-disable @typescript-eslint/no-explicit-any */
let lab: InProcessLab;
let efs: EFSClient;
const ec2 = (op: string, input: Record<string, unknown> = {}): Promise<any> =>
  lab.engine.call(lab.engine.account.root, 'ec2', op, input, { region: 'us-east-1', source: 'api' });

/** The CLI as a child process (asynchronously: the lab answers from this same process). */
function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(AWS_CLI, ['--endpoint-url', lab.endpoint, '--output', 'json', ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: lab.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: lab.credentials.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

let subnets: { SubnetId: string; AvailabilityZone: string; VpcId: string }[];

beforeAll(async () => {
  lab = await startInProcessLab({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1, 9, 0, 0) }) });
  efs = new EFSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials, maxAttempts: 1 });
  subnets = ((await ec2('DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets as any[]).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone));
}, 30_000);

afterAll(async () => {
  efs?.destroy();
  await lab?.stop();
});

async function expectError(p: Promise<unknown>, name: string, status: number, message?: string | RegExp): Promise<void> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as any;
  expect(e, `expected ${name}`).toBeDefined();
  expect(e.name).toBe(name);
  expect(e.$metadata.httpStatusCode).toBe(status);
  if (message) expect(e.message).toMatch(message);
}

describe('file systems through SDK v3', () => {
  it('creates, answers the creation token again with FileSystemAlreadyExists, and becomes available on the clock', async () => {
    const created = await efs.send(new CreateFileSystemCommand({ CreationToken: 'sdk-home', PerformanceMode: 'generalPurpose', Encrypted: true, Tags: [{ Key: 'Name', Value: 'home' }] }));
    expect(created).toMatchObject({ FileSystemId: expect.stringMatching(/^fs-[0-9a-f]{17}$/), LifeCycleState: 'creating', Name: 'home', Encrypted: true, ThroughputMode: 'bursting', NumberOfMountTargets: 0, SizeInBytes: { Value: 6144 } });
    expect(created.FileSystemArn).toBe(`arn:aws:elasticfilesystem:us-east-1:${created.OwnerId}:file-system/${created.FileSystemId}`);
    await expectError(efs.send(new CreateFileSystemCommand({ CreationToken: 'sdk-home' })), 'FileSystemAlreadyExists', 409, `File system '${created.FileSystemId}' already exists with creation token 'sdk-home'`);
    lab.engine.clock.advance(10_000);
    const [fs] = (await efs.send(new DescribeFileSystemsCommand({ CreationToken: 'sdk-home' }))).FileSystems!;
    expect(fs).toMatchObject({ FileSystemId: created.FileSystemId, LifeCycleState: 'available' });
    await expectError(efs.send(new DescribeFileSystemsCommand({ FileSystemId: 'fs-0123456789abcdef0' })), 'FileSystemNotFound', 404, "File system 'fs-0123456789abcdef0' does not exist.");
    await expectError(efs.send(new CreateFileSystemCommand({ CreationToken: 'bad', ThroughputMode: 'provisioned' })), 'BadRequest', 400, /ProvisionedThroughputInMibps is required/);
    const updated = await efs.send(new UpdateFileSystemCommand({ FileSystemId: fs!.FileSystemId!, ThroughputMode: 'provisioned', ProvisionedThroughputInMibps: 10 }));
    expect(updated).toMatchObject({ ThroughputMode: 'provisioned', ProvisionedThroughputInMibps: 10 });
    await expectError(efs.send(new UpdateFileSystemCommand({ FileSystemId: fs!.FileSystemId!, ThroughputMode: 'bursting' })), 'TooManyRequests', 429);
  });

  it('puts one mount target per zone behind a real network interface, and refuses deletion while they exist', async () => {
    const fsId = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'sdk-mt' }))).FileSystemId!;
    await expectError(efs.send(new CreateMountTargetCommand({ FileSystemId: fsId, SubnetId: subnets[0]!.SubnetId })), 'IncorrectFileSystemLifeCycleState', 409);
    lab.engine.clock.advance(10_000);
    const sg = (await ec2('CreateSecurityGroup', { GroupName: 'nfs', Description: 'nfs', VpcId: subnets[0]!.VpcId })).GroupId;
    const mt = await efs.send(new CreateMountTargetCommand({ FileSystemId: fsId, SubnetId: subnets[0]!.SubnetId, SecurityGroups: [sg] }));
    expect(mt).toMatchObject({ LifeCycleState: 'creating', AvailabilityZoneName: subnets[0]!.AvailabilityZone, VpcId: subnets[0]!.VpcId, IpAddress: expect.stringMatching(/^172\.31\./) });
    const eni = (await ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [mt.NetworkInterfaceId] })).NetworkInterfaces[0];
    expect(eni).toMatchObject({ PrivateIpAddress: mt.IpAddress, SubnetId: subnets[0]!.SubnetId, Description: `EFS mount target for ${fsId} (${mt.MountTargetId})` });
    await expectError(efs.send(new CreateMountTargetCommand({ FileSystemId: fsId, SubnetId: subnets[0]!.SubnetId })), 'MountTargetConflict', 409);
    await expectError(efs.send(new CreateMountTargetCommand({ FileSystemId: fsId, SubnetId: 'subnet-0000000000000000f' })), 'SubnetNotFound', 400);
    lab.engine.clock.advance(60_000);
    expect((await efs.send(new DescribeMountTargetsCommand({ FileSystemId: fsId }))).MountTargets).toMatchObject([{ MountTargetId: mt.MountTargetId, LifeCycleState: 'available' }]);
    expect((await efs.send(new DescribeMountTargetSecurityGroupsCommand({ MountTargetId: mt.MountTargetId }))).SecurityGroups).toEqual([sg]);
    const def = (await ec2('DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [subnets[0]!.VpcId] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups[0].GroupId;
    await efs.send(new ModifyMountTargetSecurityGroupsCommand({ MountTargetId: mt.MountTargetId, SecurityGroups: [def, sg] }));
    expect((await efs.send(new DescribeMountTargetSecurityGroupsCommand({ MountTargetId: mt.MountTargetId }))).SecurityGroups!.sort()).toEqual([def, sg].sort());
    await expectError(efs.send(new DeleteFileSystemCommand({ FileSystemId: fsId })), 'FileSystemInUse', 409);
    await efs.send(new DeleteMountTargetCommand({ MountTargetId: mt.MountTargetId }));
    await expect(ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [mt.NetworkInterfaceId] })).rejects.toMatchObject({ code: 'InvalidNetworkInterfaceID.NotFound' });
    await efs.send(new DeleteFileSystemCommand({ FileSystemId: fsId }));
    await expectError(efs.send(new DescribeFileSystemsCommand({ FileSystemId: fsId })), 'FileSystemNotFound', 404);
  });

  it('keeps access points, lifecycle, backup and file system policies, and tags', async () => {
    const fsId = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'sdk-extras', Backup: true }))).FileSystemId!;
    const ap = await efs.send(new CreateAccessPointCommand({ ClientToken: 'ap-1', FileSystemId: fsId, PosixUser: { Uid: 1000, Gid: 1000 }, RootDirectory: { Path: '/jenkins', CreationInfo: { OwnerUid: 1000, OwnerGid: 1000, Permissions: '0755' } } }));
    expect(ap).toMatchObject({ AccessPointId: expect.stringMatching(/^fsap-[0-9a-f]{17}$/), LifeCycleState: 'available', RootDirectory: { Path: '/jenkins' } });
    expect((await efs.send(new DescribeAccessPointsCommand({ FileSystemId: fsId }))).AccessPoints).toHaveLength(1);
    await efs.send(new DeleteAccessPointCommand({ AccessPointId: ap.AccessPointId }));
    await expectError(efs.send(new DescribeAccessPointsCommand({ AccessPointId: ap.AccessPointId })), 'AccessPointNotFound', 404);

    await efs.send(new PutLifecycleConfigurationCommand({ FileSystemId: fsId, LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }] }));
    expect((await efs.send(new DescribeLifecycleConfigurationCommand({ FileSystemId: fsId }))).LifecyclePolicies).toEqual([{ TransitionToIA: 'AFTER_30_DAYS' }]);
    await expectError(efs.send(new PutLifecycleConfigurationCommand({ FileSystemId: fsId, LifecyclePolicies: [{ TransitionToIA: 'AFTER_2_DAYS' as any }] })), 'BadRequest', 400);
    expect((await efs.send(new DescribeBackupPolicyCommand({ FileSystemId: fsId }))).BackupPolicy).toEqual({ Status: 'ENABLED' });
    await efs.send(new PutBackupPolicyCommand({ FileSystemId: fsId, BackupPolicy: { Status: 'DISABLED' } }));
    expect((await efs.send(new DescribeBackupPolicyCommand({ FileSystemId: fsId }))).BackupPolicy).toEqual({ Status: 'DISABLED' });
    await expectError(efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: fsId })), 'PolicyNotFound', 404);
    await expectError(efs.send(new PutFileSystemPolicyCommand({ FileSystemId: fsId, Policy: '{nope' })), 'InvalidPolicyException', 400);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount' }] });
    await efs.send(new PutFileSystemPolicyCommand({ FileSystemId: fsId, Policy: policy }));
    expect((await efs.send(new DescribeFileSystemPolicyCommand({ FileSystemId: fsId }))).Policy).toBe(policy);
    await efs.send(new TagResourceCommand({ ResourceId: fsId, Tags: [{ Key: 'team', Value: 'lab' }] }));
    expect((await efs.send(new ListTagsForResourceCommand({ ResourceId: fsId }))).Tags).toEqual([{ Key: 'team', Value: 'lab' }]);
  });
});

describe('aws efs through the Debian CLI', () => {
  it('creates and lists a file system, and prints AWS’s error for a missing one', async () => {
    const out = await cli(['efs', 'create-file-system', '--creation-token', 'cli-fs', '--performance-mode', 'maxIO', '--tags', 'Key=Name,Value=cli']);
    expect(out.status, out.stderr).toBe(0);
    const fs = JSON.parse(out.stdout);
    expect(fs).toMatchObject({ CreationToken: 'cli-fs', PerformanceMode: 'maxIO', LifeCycleState: 'creating', Name: 'cli' });
    const list = await cli(['efs', 'describe-file-systems', '--query', 'FileSystems[].CreationToken']);
    expect(JSON.parse(list.stdout)).toContain('cli-fs');
    const missing = await cli(['efs', 'describe-mount-targets', '--mount-target-id', 'fsmt-0123456789abcdef0']);
    expect(missing.status).toBe(254);
    expect(missing.stderr).toContain("An error occurred (MountTargetNotFound) when calling the DescribeMountTargets operation: Mount target 'fsmt-0123456789abcdef0' does not exist.");
  }, 30_000);
});
