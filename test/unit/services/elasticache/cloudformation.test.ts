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
});
