/**
 * EFS end to end in one engine with a manual clock: a file system with mount targets in two zones
 * of the default VPC, two instances in those zones mounting it through their zone's mount target
 * (DNS, tcp/2049 through security groups), files shared live (same rows), hard links, flock across
 * instances, df/mount output, and the files outliving both instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { tty } from '../guest/programs/tty';
import { efsWorld } from './world';

/* eslint-disable @typescript-eslint/no-explicit-any */
const { engine, call, run, tick } = efsWorld();

let fsId: string;
let subnets: { SubnetId: string; AvailabilityZone: string }[];
let mtSg: string;
let clientSg: string;
const shells: GuestShell[] = [];

async function instance(subnet: string, groups: string[]): Promise<{ id: string; shell: GuestShell }> {
  const id = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet, SecurityGroupIds: groups })).Instances[0].InstanceId;
  await run(120_000);
  const g = await engine.terminals.guest(id);
  return { id, shell: new GuestShell(g!, g!.user('ec2-user')!) };
}

beforeAll(async () => {
  const vpcId = (await call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0].VpcId;
  subnets = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).Subnets as any[]).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone)).slice(0, 2);
  clientSg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'efs-client', Description: 'clients', VpcId: vpcId })).GroupId;
  mtSg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'efs-mt', Description: 'mount targets', VpcId: vpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: mtSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: clientSg }] }] });
  fsId = (await call('elasticfilesystem', 'CreateFileSystem', { CreationToken: 'shared-home', Tags: [{ Key: 'Name', Value: 'home' }] })).FileSystemId;
  await run(10_000);
  for (const s of subnets) await call('elasticfilesystem', 'CreateMountTarget', { FileSystemId: fsId, SubnetId: s.SubnetId, SecurityGroups: [mtSg] });
  await run(70_000);
  for (const s of subnets) shells.push((await instance(s.SubnetId, [clientSg])).shell);
}, 60_000);

afterAll(async () => {
  engine.close();
  await engine.supervisor.dispose();
});

const MOUNT = (dir: string) => `sudo mount -t nfs4 -o nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2 ${fsId}.efs.us-east-1.amazonaws.com:/ ${dir}`;

describe('one EFS file system, two instances', () => {
  it('mounts through each zone’s mount target and shares files live', async () => {
    const [a, b] = shells as [GuestShell, GuestShell];
    const mts = (await call('elasticfilesystem', 'DescribeMountTargets', { FileSystemId: fsId })).MountTargets as any[];
    expect((await a.exec(`getent hosts ${fsId}.efs.us-east-1.amazonaws.com || nslookup ${fsId}.efs.us-east-1.amazonaws.com`)).stdout).toContain(mts[0].IpAddress);
    for (const s of [a, b]) expect(await s.exec(`sudo mkdir -p /mnt/efs && ${MOUNT('/mnt/efs')}`)).toMatchObject({ exitCode: 0, stderr: '' });
    expect((await a.exec('mount | grep nfs4')).stdout).toContain(`${fsId}.efs.us-east-1.amazonaws.com:/ on /mnt/efs type nfs4 (rw,relatime,vers=4.1,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=`);
    expect((await a.exec('mount | grep nfs4')).stdout).toContain(`addr=${mts[0].IpAddress})`);
    expect((await b.exec('mount | grep nfs4')).stdout).toContain(`addr=${mts[1].IpAddress})`);
    expect((await a.exec('df -h /mnt/efs')).stdout).toMatch(/^Filesystem\s+Size\s+Used\s+Avail\s+Use%\s+Mounted on\nfs-[0-9a-f]+\.efs\.us-east-1\.amazonaws\.com:\/\s+8\.0E\s+\S+\s+8\.0E\s+1%\s+\/mnt\/efs\n$/);
    await a.exec('sudo chown ec2-user:ec2-user /mnt/efs && cd /mnt/efs && touch i-was-here && echo hello > note.txt && ln note.txt hard.txt && ln -s note.txt soft.txt && chmod 600 note.txt');
    expect((await b.exec('ls /mnt/efs')).stdout).toBe('hard.txt\ni-was-here\nnote.txt\nsoft.txt\n');
    expect((await b.exec('cat /mnt/efs/soft.txt; ls -ln /mnt/efs/note.txt | cut -d" " -f1,3,4')).stdout).toBe('hello\n-rw------- 500 500\n');
    await b.exec('echo again >> /mnt/efs/hard.txt');
    expect((await a.exec('cat /mnt/efs/note.txt')).stdout).toBe('hello\nagain\n');
    await a.exec('mv /mnt/efs/note.txt /mnt/efs/renamed.txt');
    expect((await b.exec('ls /mnt/efs')).stdout).toBe('hard.txt\ni-was-here\nrenamed.txt\nsoft.txt\n');
    expect((await b.exec('cat /mnt/efs/soft.txt')).exitCode).toBe(1);
    const size = (await call('elasticfilesystem', 'DescribeFileSystems', { FileSystemId: fsId })).FileSystems[0].SizeInBytes.Value;
    expect(size).toBeGreaterThan(6144);
  });

  it('flock held on one instance makes flock -n fail on the other', async () => {
    const [a, b] = shells as [GuestShell, GuestShell];
    const held = a.exec('flock /mnt/efs/lock sleep 30');
    await tick();
    expect(await b.exec('flock -n /mnt/efs/lock echo got-it')).toMatchObject({ exitCode: 1, stdout: '' });
    await run(40_000, 1000);
    await held;
    expect(await b.exec('flock -n /mnt/efs/lock echo got-it')).toMatchObject({ exitCode: 0, stdout: 'got-it\n' });
  });

  it('mounts with amazon-efs-utils, from /etc/fstab with mount -a, and through an access point', async () => {
    const b = shells[1]!;
    expect((await b.exec('sudo mount -t efs ' + fsId + ':/ /mnt')).stderr).toBe("mount: unknown filesystem type 'efs'\n");
    expect((await b.exec('sudo yum install -y amazon-efs-utils')).exitCode).toBe(0);
    expect(await b.exec(`sudo mkdir /efs-utils && sudo mount -t efs ${fsId}:/ /efs-utils && ls /efs-utils`)).toMatchObject({ exitCode: 0, stdout: 'hard.txt\ni-was-here\nlock\nrenamed.txt\nsoft.txt\n' });
    expect((await b.exec('sudo umount /efs-utils && ls /efs-utils')).stdout).toBe('');
    await b.exec(`echo "${fsId}.efs.us-east-1.amazonaws.com:/ /from-fstab nfs4 nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,_netdev 0 0" | sudo tee -a /etc/fstab && sudo mkdir /from-fstab`);
    expect(await b.exec('sudo mount -a && ls /from-fstab | wc -l')).toMatchObject({ exitCode: 0, stdout: '5\n' });
    const ap = await call('elasticfilesystem', 'CreateAccessPoint', { ClientToken: 'jobs', FileSystemId: fsId, PosixUser: { Uid: 500, Gid: 500 }, RootDirectory: { Path: '/jobs', CreationInfo: { OwnerUid: 500, OwnerGid: 500, Permissions: '0750' } } });
    expect((await b.exec(`sudo mkdir /jobs && sudo mount -t efs -o tls,accesspoint=${ap.AccessPointId} ${fsId}:/ /jobs && touch /jobs/job.xml && ls -ld /jobs | cut -c1-10`)).stdout).toBe('drwxr-x---\n');
    expect((await b.exec('ls /from-fstab/jobs')).stdout).toBe('job.xml\n');
  });

  it('keeps the files after both instances are gone', async () => {
    const ids = ((await call('ec2', 'DescribeInstances', {})).Reservations as any[]).flatMap((r) => r.Instances.map((i: any) => i.InstanceId));
    await call('ec2', 'TerminateInstances', { InstanceIds: ids });
    await run(120_000);
    const c = await instance(subnets[1]!.SubnetId, [clientSg]);
    expect((await c.shell.exec(`sudo mkdir -p /data && ${MOUNT('/data')} && ls /data`)).stdout).toBe('hard.txt\ni-was-here\njobs\nlock\nrenamed.txt\nsoft.txt\n');
  });

  it('drops NFS when the mount target no longer allows 2049: the mount waits, then times out with the reason', async () => {
    await call('ec2', 'RevokeSecurityGroupIngress', { GroupId: mtSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: clientSg }] }] });
    const c = await instance(subnets[0]!.SubnetId, [clientSg]);
    const before = engine.clock.now();
    const out = await c.shell.exec(`sudo mkdir -p /blocked && ${MOUNT('/blocked')}`);
    expect(out).toMatchObject({ exitCode: 32, stderr: 'mount.nfs4: Connection timed out\n' });
    expect(engine.clock.now() - before).toBeGreaterThanOrEqual(0);
    // At a terminal, the lab says which rule dropped it.
    const screen = await tty(c.shell).line(MOUNT('/blocked'));
    expect(screen).toContain('mount.nfs4: Connection timed out');
    expect(screen).toMatch(/\[lab\] tcp\/2049 from 172\.31\.\d+\.\d+ to 172\.31\.\d+\.\d+ was dropped: .*sg-/);
    expect((await c.shell.exec('nc -z -w 2 ' + fsId + '.efs.us-east-1.amazonaws.com 2049')).exitCode).toBe(1);
  });

  it('refuses to delete a file system with mount targets', async () => {
    await expect(call('elasticfilesystem', 'DeleteFileSystem', { FileSystemId: fsId })).rejects.toMatchObject({ code: 'FileSystemInUse', status: 409 });
  });
});
