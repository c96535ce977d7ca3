import { randomBytes } from 'node:crypto';
import { streaming, type Ctx } from '../../core/provider';
import type { CreateCacheClusterInput, CreateCacheClusterOutput } from '../../models/generated/elasticache';
import { defaultSubnets, securityGroups, type SubnetInfo } from './ec2-lookups';
import { clusterExists, invalidParameterCombination, invalidParameterValue, snapshotNotFound, subnetGroupNotFound } from './errors';
import { schedule } from './lifecycle';
import { validName } from './names';
import { DEFAULT_VERSION, NODE_TYPES, REDIS_VERSIONS, defaultParameterGroup } from './node-types';
import { checkFamily, findGroup, groupNotFound } from './parameters';
import { describeCluster } from './state/describe';
import { getCluster, getSnapshot, getSubnetGroup, type SubnetRef } from './state/rows';

/**
 * A Redis cache cluster of one node (cluster mode disabled, no replicas): the node gets a network
 * interface in a subnet of its subnet group and a Redis under the supervisor once it is available.
 */
export const CreateCacheCluster = streaming(async (ctx: Ctx, input: CreateCacheClusterInput): Promise<CreateCacheClusterOutput> => {
  const id = input.CacheClusterId.toLowerCase();
  validName(id, 'CacheClusterId', 50);
  if (input.ReplicationGroupId) throw invalidParameterValue('Nimbus Lab does not add clusters to replication groups yet; create a single-node Redis cluster instead.');
  const snapshot = input.SnapshotName ? getSnapshot(ctx, input.SnapshotName) : undefined;
  if (input.SnapshotName && !snapshot) throw snapshotNotFound(input.SnapshotName);
  const engine = (input.Engine ?? (snapshot ? 'redis' : '')).toLowerCase();
  if (engine === 'memcached') throw invalidParameterValue('Nimbus Lab runs Redis only: Memcached clusters cannot be created in the lab.');
  if (engine !== 'redis') throw invalidParameterValue(`Invalid engine: ${input.Engine ?? '(none)'}. Supported engines: redis.`);
  const nodeType = input.CacheNodeType ?? snapshot?.node_type;
  if (!nodeType) throw invalidParameterValue('The parameter CacheNodeType must be provided and must not be blank.');
  if (!NODE_TYPES[nodeType]) throw invalidParameterValue(`Invalid CacheNodeType: ${nodeType}`);
  const nodes = input.NumCacheNodes ?? 1;
  if (nodes !== 1) throw invalidParameterValue('Cannot create a Redis cluster with a NumCacheNodes parameter greater than 1.');
  const version = input.EngineVersion ?? snapshot?.engine_version ?? DEFAULT_VERSION;
  if (!REDIS_VERSIONS.includes(version)) throw invalidParameterCombination(`Cannot find version ${version} for redis`);
  if (input.TransitEncryptionEnabled) throw invalidParameterCombination('In-transit encryption (TLS) is not offered in Nimbus Lab.');
  if (input.AuthToken) throw invalidParameterValue('The AUTH token is allowed only when encryption in transit is enabled.');
  const port = input.Port ?? 6379;

  const groupName = input.CacheSubnetGroupName?.toLowerCase();
  let subnetList: SubnetRef[];
  let vpcId: string;
  if (groupName) {
    const g = getSubnetGroup(ctx, groupName);
    if (!g) throw subnetGroupNotFound(groupName);
    subnetList = JSON.parse(g.subnets) as SubnetRef[];
    vpcId = g.vpc_id;
  } else {
    const d: SubnetInfo[] = await defaultSubnets(ctx);
    subnetList = d.map((s) => ({ id: s.id, az: s.az }));
    vpcId = d[0]!.vpcId;
  }
  const groups = await securityGroups(ctx, input.SecurityGroupIds ?? [], vpcId);
  const wanted = input.PreferredAvailabilityZone;
  const candidates = wanted ? subnetList.filter((s) => s.az === wanted) : subnetList;
  if (candidates.length === 0) throw invalidParameterValue(`No subnet of the cache subnet group is in ${wanted}.`);
  const subnet = candidates[Math.floor(Math.random() * candidates.length)]!;

  const paramGroup = input.CacheParameterGroupName?.toLowerCase() ?? defaultParameterGroup(version);
  const g = findGroup(ctx, paramGroup);
  if (!g) throw groupNotFound(paramGroup);
  checkFamily(g, version);

  const now = ctx.clock.now();
  const out = ctx.commit(() => {
    if (getCluster(ctx, id)) throw clusterExists();
    ctx.store
      .stmt(
        `INSERT INTO elasticache_clusters (account_id, region, id, engine_version, node_type, num_nodes, status, subnet_group, vpc_id,
           security_groups, port, parameter_group, maintenance_window, snapshot_retention, snapshot_window, auth_token, endpoint_tag,
           seed_snapshot, tags, created_at, next_step, next_at)
         VALUES (?, ?, ?, ?, ?, 1, 'creating', ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 'provision', ?)`,
      )
      .run(
        ctx.accountId,
        ctx.region,
        id,
        version,
        nodeType,
        groupName ?? 'default',
        vpcId,
        JSON.stringify(groups),
        port,
        paramGroup,
        input.PreferredMaintenanceWindow ?? 'sun:05:00-sun:06:00',
        input.SnapshotRetentionLimit ?? 0,
        input.SnapshotWindow ?? '06:30-07:30',
        randomBytes(3).toString('hex'),
        snapshot?.name ?? null,
        JSON.stringify(input.Tags ?? []),
        now,
        now,
      );
    ctx.store
      .stmt("INSERT INTO elasticache_nodes (account_id, region, cluster_id, node_id, az, subnet_id, status, created_at) VALUES (?, ?, ?, '0001', ?, ?, 'creating', ?)")
      .run(ctx.accountId, ctx.region, id, subnet.az, subnet.id, now);
    return { CacheCluster: describeCluster(ctx, getCluster(ctx, id)!, false) };
  });
  schedule(ctx.accountId, ctx.region, id, now);
  return out;
});
