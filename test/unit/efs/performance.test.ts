/**
 * §10.5–§10.6 on the simulated clock: dd on an EFS mount runs at the burst rate while credits last,
 * sustained writes drain BurstCreditBalance, and then throughput falls to the baseline for the
 * stored size; CloudWatch's AWS/EFS metrics (sampled each simulated minute) move accordingly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { efsWorld } from './world';

/* eslint-disable @typescript-eslint/no-explicit-any */
const { engine, call, run } = efsWorld();
let fsId: string;
let root: GuestShell;
async function metric(name: string, stat = 'Maximum'): Promise<number[]> {
  const now = engine.clock.now();
  const out = await call('monitoring', 'GetMetricStatistics', {
    Namespace: 'AWS/EFS', MetricName: name, Dimensions: [{ Name: 'FileSystemId', Value: fsId }],
    StartTime: new Date(now - 3600_000), EndTime: new Date(now), Period: 60, Statistics: [stat],
  });
  return (out.Datapoints as any[]).sort((a, b) => +new Date(a.Timestamp) - +new Date(b.Timestamp)).map((d) => d[stat]);
}
const rateOf = (ddErr: string): number => Number(/, ([\d.]+) ([kMG]?B)\/s\n$/.exec(ddErr)?.[1]) * ({ kB: 1e3, MB: 1e6, GB: 1e9, B: 1 } as Record<string, number>)[/, [\d.]+ ([kMG]?B)\/s\n$/.exec(ddErr)?.[1] ?? 'B']!;

beforeAll(async () => {
  fsId = (await call('elasticfilesystem', 'CreateFileSystem', { CreationToken: 'perf' })).FileSystemId;
  await run(10_000);
  const subnet = (await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets[0];
  const sg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'nfs-open', Description: 'nfs', VpcId: subnet.VpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: sg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  await call('elasticfilesystem', 'CreateMountTarget', { FileSystemId: fsId, SubnetId: subnet.SubnetId, SecurityGroups: [sg] });
  const id = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet.SubnetId })).Instances[0].InstanceId;
  await run(120_000);
  const g = await engine.terminals.guest(id);
  root = new GuestShell(g!, g!.user('root')!);
  expect((await root.exec(`mkdir /efs && mount -t nfs4 -o nfsvers=4.1 ${fsId}.efs.us-east-1.amazonaws.com:/ /efs`)).exitCode).toBe(0);
}, 60_000);

afterAll(async () => {
  engine.close();
  await engine.supervisor.dispose();
});

describe('EFS bursting', () => {
  it('bursts at ~100 MiB/s, drains its credits under sustained writes, then runs at the baseline', async () => {
    const first = await root.exec('dd if=/dev/zero of=/efs/one bs=1M count=1024 conv=fdatasync');
    expect(rateOf(first.stderr) / 2 ** 20).toBeGreaterThan(97);
    expect(rateOf(first.stderr) / 2 ** 20).toBeLessThan(103);
    await run(120_000, 60_000);
    const [balance0] = (await metric('BurstCreditBalance')).slice(-1);
    expect(balance0! / 2 ** 40).toBeGreaterThan(2.09);
    expect((await metric('DataWriteIOBytes', 'Sum')).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 ** 30);
    expect((await metric('ClientConnections')).at(-1)).toBe(1);
    // 500 GiB at a time, removed again: the balance (2.1 TiB) runs out on the sixth.
    for (let i = 0; i < 7; i++) await root.exec('dd if=/dev/zero of=/efs/big bs=1G count=500 && rm /efs/big');
    await run(60_000, 60_000);
    expect((await metric('BurstCreditBalance')).at(-1)).toBeLessThan(2 ** 30);
    // One GiB stored earns 50 KiB/s, below the 1 MiB/s floor: the next write crawls at the floor.
    const slow = await root.exec('dd if=/dev/zero of=/efs/two bs=1M count=64');
    expect(rateOf(slow.stderr) / 2 ** 20).toBeGreaterThan(0.95);
    expect(rateOf(slow.stderr) / 2 ** 20).toBeLessThan(1.05);
    await run(60_000, 60_000);
    expect((await metric('PermittedThroughput')).at(-1)).toBeCloseTo(2 ** 20, -3);
    const size = (await call('elasticfilesystem', 'DescribeFileSystems', { FileSystemId: fsId })).FileSystems[0].SizeInBytes.Value;
    expect(size).toBe(6144 + 2 ** 30 + 64 * 2 ** 20);
    expect((await metric('StorageBytes')).length).toBe(0); // StorageBytes carries a StorageClass dimension as well
  });
});
