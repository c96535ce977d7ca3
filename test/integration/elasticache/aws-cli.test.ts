/**
 * ElastiCache through Debian's AWS CLI v2 (query protocol) against a real lab running at warp 600
 * (a five-minute creation takes half a second): subnet group, cluster, its endpoint once available,
 * AWS's errors, delete.
 */
import { describe, expect, it } from 'vitest';
import { awsCli } from '../../helpers/clients';
import { useLab } from '../../helpers/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const getLab = useLab({ extraArgs: ['--warp', '600'] });
const json = (out: { stdout: string; stderr: string; status: number }): Record<string, any> => {
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.trim() ? (JSON.parse(out.stdout) as Record<string, any>) : {};
};

describe('aws elasticache through the real AWS CLI v2', () => {
  it('creates a Redis cluster in a subnet group, shows its endpoint, and deletes it', async () => {
    const lab = getLab();
    const subnets = json(awsCli(lab, ['ec2', 'describe-subnets', '--filters', 'Name=default-for-az,Values=true', '--query', 'Subnets[].SubnetId'])) as unknown as string[];
    const group = json(awsCli(lab, ['elasticache', 'create-cache-subnet-group', '--cache-subnet-group-name', 'cli-cache', '--cache-subnet-group-description', 'from the CLI', '--subnet-ids', ...subnets.slice(0, 2)]));
    expect(group.CacheSubnetGroup).toMatchObject({ CacheSubnetGroupName: 'cli-cache', Subnets: expect.any(Array) });
    const created = json(awsCli(lab, ['elasticache', 'create-cache-cluster', '--cache-cluster-id', 'cli-redis', '--engine', 'redis', '--cache-node-type', 'cache.t2.micro', '--num-cache-nodes', '1', '--cache-subnet-group-name', 'cli-cache']));
    expect(created.CacheCluster).toMatchObject({ CacheClusterId: 'cli-redis', CacheClusterStatus: 'creating', Engine: 'redis' });
    let cluster: Record<string, any> = {};
    for (let i = 0; i < 100; i++) {
      cluster = json(awsCli(lab, ['elasticache', 'describe-cache-clusters', '--cache-cluster-id', 'cli-redis', '--show-cache-node-info'])).CacheClusters[0];
      if (cluster.CacheClusterStatus === 'available') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(cluster.CacheClusterStatus).toBe('available');
    expect(cluster.CacheNodes[0].Endpoint).toMatchObject({ Address: expect.stringMatching(/^cli-redis\.[0-9a-f]{6}\.0001\.use1\.cache\.amazonaws\.com$/), Port: 6379 });

    const dup = awsCli(lab, ['elasticache', 'create-cache-cluster', '--cache-cluster-id', 'cli-redis', '--engine', 'redis', '--cache-node-type', 'cache.t2.micro', '--num-cache-nodes', '1']);
    expect(dup.status).toBe(254);
    expect(dup.stderr).toContain('An error occurred (CacheClusterAlreadyExists) when calling the CreateCacheCluster operation: Cache cluster already exists');
    const missing = awsCli(lab, ['elasticache', 'describe-cache-clusters', '--cache-cluster-id', 'nope']);
    expect(missing.stderr).toContain('(CacheClusterNotFound)');

    expect(json(awsCli(lab, ['elasticache', 'delete-cache-cluster', '--cache-cluster-id', 'cli-redis'])).CacheCluster.CacheClusterStatus).toBe('deleting');
    for (let i = 0; i < 100; i++) {
      if (awsCli(lab, ['elasticache', 'describe-cache-clusters', '--cache-cluster-id', 'cli-redis']).status !== 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(awsCli(lab, ['elasticache', 'describe-cache-clusters', '--cache-cluster-id', 'cli-redis']).stderr).toContain('CacheClusterNotFound');
    expect(awsCli(lab, ['elasticache', 'delete-cache-subnet-group', '--cache-subnet-group-name', 'cli-cache']).status).toBe(0);
  });
});
