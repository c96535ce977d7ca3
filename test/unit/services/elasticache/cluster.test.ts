/**
 * ElastiCache end to end in one engine with a manual clock: a cluster in the learner's VPC, its
 * Redis reached from an instance's redis-cli through the network model (§12.1.2), a snapshot
 * restored into a new cluster, a security group that drops the connection, and the CloudFormation
 * shape of chapter 12's template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { GuestShell } from '../../../../src-main/engine/guest/session';
import { tty } from '../../guest/programs/tty';

/* eslint-disable @typescript-eslint/no-explicit-any */
const START = Date.UTC(2026, 5, 1, 9, 0, 0);
let engine: Engine;
const call = (service: string, op: string, input: Record<string, unknown> = {}): Promise<any> =>
  engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' });
const tick = () => new Promise((r) => setImmediate(r));

/** Steps simulated time, letting the lifecycle's async steps (EC2 calls) finish between steps. */
async function run(ms: number, step = 10_000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    engine.clock.advance(step);
    for (let i = 0; i < 30; i++) await tick();
  }
}

/** Runs a guest command while stepping the clock, for commands that wait on simulated time. */
async function withClock<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true));
  for (let i = 0; i < 400 && !done; i++) {
    engine.clock.advance(1000);
    await new Promise((r) => setTimeout(r, 5));
  }
  return p;
}

let vpcId: string;
let subnets: string[];
let cacheSg: string;
let shell: GuestShell;

async function cluster(id: string, extra: Record<string, unknown> = {}): Promise<string> {
  await call('elasticache', 'CreateCacheCluster', { CacheClusterId: id, Engine: 'redis', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 1, CacheSubnetGroupName: 'lab-cache', SecurityGroupIds: [cacheSg], ...extra });
  await run(6 * 60_000);
  const c = (await call('elasticache', 'DescribeCacheClusters', { CacheClusterId: id, ShowCacheNodeInfo: true })).CacheClusters[0];
  expect(c.CacheClusterStatus).toBe('available');
  return c.CacheNodes[0].Endpoint.Address as string;
}

beforeAll(async () => {
  engine = createEngine({ clock: createClock({ warp: 0, start: START }) });
  const vpc = (await call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0];
  vpcId = vpc.VpcId;
  subnets = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).Subnets as any[]).map((s) => s.SubnetId).slice(0, 2);
  cacheSg = (await call('ec2', 'CreateSecurityGroup', { GroupName: 'cache', Description: 'redis', VpcId: vpcId })).GroupId;
  await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: cacheSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 6379, ToPort: 6379, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  await call('elasticache', 'CreateCacheSubnetGroup', { CacheSubnetGroupName: 'lab-cache', CacheSubnetGroupDescription: 'cache subnets', SubnetIds: subnets });
  const inst = (await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId;
  await run(120_000);
  const g = await engine.terminals.guest(inst);
  shell = new GuestShell(g!, g!.user('ec2-user')!);
  await shell.exec('sudo yum -y install --enablerepo=epel redis');
}, 60_000);

afterAll(async () => {
  engine.close();
  await engine.supervisor.dispose();
});

describe('ElastiCache for Redis', () => {
  it('runs the §12.1.2 session from an instance through the VPC', async () => {
    const host = await cluster('lab-redis');
    expect(host).toMatch(/^lab-redis\.[0-9a-f]{6}\.0001\.use1\.cache\.amazonaws\.com$/);
    const cli = (cmd: string) => shell.exec(`redis-cli -h ${host} --no-raw ${cmd}`);
    expect(await cli('SET key1 value1')).toEqual({ stdout: 'OK\n', stderr: '', exitCode: 0 });
    expect((await cli('GET key1')).stdout).toBe('"value1"\n');
    expect((await cli('GET key2')).stdout).toBe('(nil)\n');
    expect((await cli('SET key3 value3 EX 5')).stdout).toBe('OK\n');
    expect((await cli('GET key3')).stdout).toBe('"value3"\n');
    await run(6_000, 1000);
    expect((await cli('GET key3')).stdout).toBe('(nil)\n');
    expect((await cli('LPUSH l a b')).stdout).toBe('(integer) 2\n');
    expect((await cli('LRANGE l 0 -1')).stdout).toBe('1) "b"\n2) "a"\n');
    expect((await cli('FOO')).stdout).toMatch(/^\(error\) ERR unknown command 'FOO'/);
    // Piped, the client prints bare values; commands may come from standard input.
    expect((await shell.exec(`printf 'GET key1\\nINCR n\\n' | redis-cli -h ${host}`)).stdout).toBe('value1\n1\n');
    expect((await shell.exec(`redis-cli -h ${host} --scan --pattern 'key*'`)).stdout).toBe('key1\n');
  }, 60_000);

  it('is an interactive client with the real prompt and reply formats', async () => {
    const host = (await call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'lab-redis', ShowCacheNodeInfo: true })).CacheClusters[0].CacheNodes[0].Endpoint.Address;
    const t = tty(shell);
    const seen = async (text: string) => {
      for (let i = 0; i < 500 && !t.out().includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(t.out()).toContain(text);
    };
    await t.type(`redis-cli -h ${host}\r`);
    await seen(`${host}:6379> `);
    await t.type('SET key1 value1\r');
    await seen('OK');
    t.clear();
    await t.type('GET key1\r');
    await seen('"value1"');
    t.clear();
    await t.type('GET key2\r');
    await seen('(nil)');
    t.clear();
    await t.type('quit\r');
    await seen('[ec2-user@');
  }, 60_000);

  it('answers with the real client errors when the name or the path is wrong', async () => {
    expect(await shell.exec('redis-cli -h nosuch.abc123.0001.use1.cache.amazonaws.com PING')).toMatchObject({ stderr: 'Could not connect to Redis at nosuch.abc123.0001.use1.cache.amazonaws.com:6379: Name or service not known\n', exitCode: 1 });
    const host = (await call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'lab-redis', ShowCacheNodeInfo: true })).CacheClusters[0].CacheNodes[0].Endpoint.Address;
    await call('ec2', 'RevokeSecurityGroupIngress', { GroupId: cacheSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 6379, ToPort: 6379, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const blocked = await withClock(shell.exec(`redis-cli -h ${host} PING`));
    expect(blocked).toMatchObject({ stderr: `Could not connect to Redis at ${host}:6379: Connection timed out\n`, exitCode: 1 });
    await call('ec2', 'AuthorizeSecurityGroupIngress', { GroupId: cacheSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 6379, ToPort: 6379, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    expect((await shell.exec(`redis-cli -h ${host} PING`)).stdout).toBe('PONG\n');
  }, 60_000);

  it('restores a snapshot into a new cluster', async () => {
    const snap = await call('elasticache', 'CreateSnapshot', { CacheClusterId: 'lab-redis', SnapshotName: 'before-upgrade' });
    expect(snap.Snapshot.SnapshotStatus).toBe('available');
    const host = await cluster('lab-restored', { SnapshotName: 'before-upgrade' });
    expect((await shell.exec(`redis-cli -h ${host} GET key1`)).stdout).toBe('value1\n');
    await expect(call('elasticache', 'CreateSnapshot', { CacheClusterId: 'lab-redis', SnapshotName: 'before-upgrade' })).rejects.toMatchObject({ code: 'SnapshotAlreadyExistsFault' });
  }, 60_000);

  it('refuses what AWS refuses', async () => {
    await expect(call('elasticache', 'CreateCacheCluster', { CacheClusterId: 'lab-redis', Engine: 'redis', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 1, CacheSubnetGroupName: 'lab-cache' })).rejects.toMatchObject({ code: 'CacheClusterAlreadyExists' });
    await expect(call('elasticache', 'CreateCacheCluster', { CacheClusterId: 'm1', Engine: 'memcached', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 1 })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
    await expect(call('elasticache', 'CreateCacheCluster', { CacheClusterId: 'r2', Engine: 'redis', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 2 })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
    await expect(call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'nope' })).rejects.toMatchObject({ code: 'CacheClusterNotFound', status: 404 });
    await expect(call('elasticache', 'DeleteCacheSubnetGroup', { CacheSubnetGroupName: 'lab-cache' })).rejects.toMatchObject({ code: 'CacheSubnetGroupInUse' });
  });

  it('parameter groups: defaults are fixed; a learner’s group sets the node’s CONFIG at creation and while it runs', async () => {
    expect((await call('elasticache', 'DescribeCacheParameterGroups', {})).CacheParameterGroups.map((g: any) => g.CacheParameterGroupName)).toContain('default.redis7');
    await expect(call('elasticache', 'ModifyCacheParameterGroup', { CacheParameterGroupName: 'default.redis7', ParameterNameValues: [{ ParameterName: 'maxmemory-policy', ParameterValue: 'noeviction' }] })).rejects.toMatchObject({ code: 'InvalidCacheParameterGroupState' });
    const created = await call('elasticache', 'CreateCacheParameterGroup', { CacheParameterGroupName: 'lab-params', CacheParameterGroupFamily: 'redis7', Description: 'evict any key' });
    expect(created.CacheParameterGroup).toMatchObject({ CacheParameterGroupName: 'lab-params', CacheParameterGroupFamily: 'redis7', ARN: expect.stringMatching(/:parametergroup:lab-params$/) });
    const policy = async () => (await call('elasticache', 'DescribeCacheParameters', { CacheParameterGroupName: 'lab-params' })).Parameters.find((p: any) => p.ParameterName === 'maxmemory-policy');
    expect(await policy()).toMatchObject({ ParameterValue: 'volatile-lru', Source: 'system', ChangeType: 'immediate' });
    await expect(call('elasticache', 'ModifyCacheParameterGroup', { CacheParameterGroupName: 'lab-params', ParameterNameValues: [{ ParameterName: 'maxmemory-policy', ParameterValue: 'sometimes' }] })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
    await call('elasticache', 'ModifyCacheParameterGroup', { CacheParameterGroupName: 'lab-params', ParameterNameValues: [{ ParameterName: 'maxmemory-policy', ParameterValue: 'allkeys-lru' }] });
    expect(await policy()).toMatchObject({ ParameterValue: 'allkeys-lru', Source: 'user' });
    await expect(call('elasticache', 'CreateCacheCluster', { CacheClusterId: 'old-redis', Engine: 'redis', EngineVersion: '6.2', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 1, CacheParameterGroupName: 'lab-params' })).rejects.toMatchObject({ code: 'InvalidParameterCombination' });

    const host = await cluster('lab-tuned', { CacheParameterGroupName: 'lab-params' });
    expect((await call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'lab-tuned' })).CacheClusters[0].CacheParameterGroup.CacheParameterGroupName).toBe('lab-params');
    const live = async () => (await shell.exec(`redis-cli -h ${host} CONFIG GET maxmemory-policy`)).stdout;
    expect(await live()).toBe('maxmemory-policy\nallkeys-lru\n');
    await call('elasticache', 'ModifyCacheParameterGroup', { CacheParameterGroupName: 'lab-params', ParameterNameValues: [{ ParameterName: 'maxmemory-policy', ParameterValue: 'noeviction' }] });
    for (let i = 0; i < 50 && (await live()) !== 'maxmemory-policy\nnoeviction\n'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await live()).toBe('maxmemory-policy\nnoeviction\n');
    await expect(call('elasticache', 'DeleteCacheParameterGroup', { CacheParameterGroupName: 'lab-params' })).rejects.toMatchObject({ code: 'InvalidCacheParameterGroupState' });
    await call('elasticache', 'ResetCacheParameterGroup', { CacheParameterGroupName: 'lab-params', ResetAllParameters: true });
    expect(await policy()).toMatchObject({ ParameterValue: 'volatile-lru', Source: 'system' });
    await call('elasticache', 'DeleteCacheCluster', { CacheClusterId: 'lab-tuned' });
    await run(3 * 60_000);
    await call('elasticache', 'DeleteCacheParameterGroup', { CacheParameterGroupName: 'lab-params' });
    await expect(call('elasticache', 'DescribeCacheParameters', { CacheParameterGroupName: 'lab-params' })).rejects.toMatchObject({ code: 'CacheParameterGroupNotFound' });
  }, 90_000);

  it('deletes a cluster, its interface and its data plane', async () => {
    const before = (await call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'lab-restored', ShowCacheNodeInfo: true })).CacheClusters[0];
    await call('elasticache', 'DeleteCacheCluster', { CacheClusterId: 'lab-restored' });
    await run(3 * 60_000);
    await expect(call('elasticache', 'DescribeCacheClusters', { CacheClusterId: 'lab-restored' })).rejects.toMatchObject({ code: 'CacheClusterNotFound' });
    const enis = (await call('ec2', 'DescribeNetworkInterfaces', { Filters: [{ Name: 'description', Values: ['ElastiCache lab-restored'] }] })).NetworkInterfaces;
    expect(enis).toEqual([]);
    expect((await shell.exec(`redis-cli -h ${before.CacheNodes[0].Endpoint.Address} PING`)).stderr).toContain('Name or service not known');
  }, 60_000);
});
