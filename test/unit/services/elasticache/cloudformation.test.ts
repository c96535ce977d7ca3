/** Chapter 12's cache stack shape (our own fixture) creates a real cluster and deletes it again. */
import { afterAll, describe, expect, it } from 'vitest';
import { cfnLab, fixture } from '../../cloudformation/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const lab = cfnLab();
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
});

describe('AWS::ElastiCache with behaviour', () => {
  it('creates the cluster, outputs its endpoint, and deletes everything with the stack', async () => {
    const vpc = (await lab.call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'isDefault', Values: ['true'] }] })).Vpcs[0].VpcId;
    const subnets = ((await lab.call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpc] }] })).Subnets as any[]).map((s) => s.SubnetId);
    await lab.cfn('CreateStack', {
      StackName: 'cache',
      TemplateBody: fixture('redis-cache.yaml'),
      Parameters: [
        { ParameterKey: 'VPC', ParameterValue: vpc },
        { ParameterKey: 'SubnetA', ParameterValue: subnets[0] },
        { ParameterKey: 'SubnetB', ParameterValue: subnets[1] },
      ],
    });
    await lab.settle(30 * 60_000, 5000);
    expect(await lab.status('cache')).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries(((await lab.cfn('DescribeStacks', { StackName: 'cache' })).Stacks[0].Outputs as any[]).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.CacheAddress).toMatch(/\.0001\.use1\.cache\.amazonaws\.com$/);
    expect(outputs.CachePort).toBe('6379');
    const res = (await lab.cfn('DescribeStackResource', { StackName: 'cache', LogicalResourceId: 'Cache' })).StackResourceDetail;
    expect(res.ResourceStatusReason ?? '').not.toMatch(/Simulated/);
    const c = (await lab.call('elasticache', 'DescribeCacheClusters', { CacheClusterId: res.PhysicalResourceId })).CacheClusters[0];
    expect(c).toMatchObject({ CacheClusterStatus: 'available', EngineVersion: '3.2.4', CacheNodeType: 'cache.t2.micro' });

    await lab.cfn('DeleteStack', { StackName: 'cache' });
    await lab.settle(30 * 60_000, 5000);
    expect((await lab.call('elasticache', 'DescribeCacheClusters', {})).CacheClusters).toEqual([]);
    expect((await lab.call('elasticache', 'DescribeCacheSubnetGroups', {})).CacheSubnetGroups).toEqual([]);
  }, 60_000);

  it('a ParameterGroup with Properties sets the cluster that refers to it, and goes with the stack', async () => {
    const template = {
      Resources: {
        Params: { Type: 'AWS::ElastiCache::ParameterGroup', Properties: { CacheParameterGroupFamily: 'redis3.2', Description: 'any key may go', Properties: { 'maxmemory-policy': 'allkeys-lru' } } },
        Cache: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { Engine: 'redis', EngineVersion: '3.2.4', CacheNodeType: 'cache.t2.micro', NumCacheNodes: 1, CacheParameterGroupName: { Ref: 'Params' } } },
      },
    };
    await lab.cfn('CreateStack', { StackName: 'tuned', TemplateBody: JSON.stringify(template) });
    await lab.settle(30 * 60_000, 5000);
    expect(await lab.status('tuned')).toBe('CREATE_COMPLETE');
    const group = (await lab.cfn('DescribeStackResource', { StackName: 'tuned', LogicalResourceId: 'Params' })).StackResourceDetail.PhysicalResourceId;
    const cluster = (await lab.cfn('DescribeStackResource', { StackName: 'tuned', LogicalResourceId: 'Cache' })).StackResourceDetail.PhysicalResourceId;
    expect((await lab.call('elasticache', 'DescribeCacheClusters', { CacheClusterId: cluster })).CacheClusters[0].CacheParameterGroup.CacheParameterGroupName).toBe(group);
    const params = (await lab.call('elasticache', 'DescribeCacheParameters', { CacheParameterGroupName: group, Source: 'user' })).Parameters as any[];
    expect(params.map((p) => [p.ParameterName, p.ParameterValue])).toEqual([['maxmemory-policy', 'allkeys-lru']]);
    await lab.cfn('DeleteStack', { StackName: 'tuned' });
    await lab.settle(30 * 60_000, 5000);
    expect(((await lab.call('elasticache', 'DescribeCacheParameterGroups', {})).CacheParameterGroups as any[]).map((g) => g.CacheParameterGroupName)).not.toContain(group);
  }, 60_000);
});
