/**
 * AWS::ElastiCache::SubnetGroup, ParameterGroup and CacheCluster with real behaviour: the cluster
 * is ready when DescribeCacheClusters says `available`, and GetAtt RedisEndpoint.Address/Port give
 * its node's endpoint, which guests resolve and connect to (§12.1).
 */
import { allTags, generatedName, ignoreNotFound, str, strList, num, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../core/resource-provider';
import { AwsError } from '../../protocol/errors';

type Obj = Record<string, unknown>;

const subnetGroup: ResourceProvider = {
  async create(rc, props) {
    const name = (str(props.CacheSubnetGroupName) ?? `${rc.stackName}-${rc.logicalId}-${Math.random().toString(36).slice(2, 15)}`).toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/-+/g, '-');
    await rc.call('elasticache', 'CreateCacheSubnetGroup', { CacheSubnetGroupName: name, CacheSubnetGroupDescription: str(props.Description) ?? '', SubnetIds: strList(props.SubnetIds) ?? [] });
    return { physicalId: name };
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('elasticache', 'DeleteCacheSubnetGroup', { CacheSubnetGroupName: name }));
  },
};

async function describe(rc: ResourceCtx, id: string): Promise<Obj | undefined> {
  try {
    const out = await rc.call('elasticache', 'DescribeCacheClusters', { CacheClusterId: id, ShowCacheNodeInfo: true });
    return (out.CacheClusters as Obj[] | undefined)?.[0];
  } catch (e) {
    if (e instanceof AwsError && e.code === 'CacheClusterNotFound') return undefined;
    throw e;
  }
}

const cluster: ResourceProvider = {
  async create(rc, props) {
    const id = (str(props.ClusterName) ?? `${rc.stackName.slice(0, 8)}-${rc.logicalId.slice(0, 8)}-${Math.random().toString(36).slice(2, 10)}`)
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[^a-z]+/, 'c')
      .replace(/-$/, '')
      .slice(0, 40);
    await rc.call('elasticache', 'CreateCacheCluster', {
      CacheClusterId: id,
      Engine: str(props.Engine),
      CacheNodeType: str(props.CacheNodeType),
      NumCacheNodes: num(props.NumCacheNodes),
      ...(props.EngineVersion !== undefined ? { EngineVersion: str(props.EngineVersion) } : {}),
      ...(props.CacheSubnetGroupName !== undefined ? { CacheSubnetGroupName: str(props.CacheSubnetGroupName) } : {}),
      ...(props.CacheParameterGroupName !== undefined ? { CacheParameterGroupName: str(props.CacheParameterGroupName) } : {}),
      ...(props.VpcSecurityGroupIds !== undefined ? { SecurityGroupIds: strList(props.VpcSecurityGroupIds) } : {}),
      ...(props.PreferredAvailabilityZone !== undefined ? { PreferredAvailabilityZone: str(props.PreferredAvailabilityZone) } : {}),
      ...(props.Port !== undefined ? { Port: num(props.Port) } : {}),
      ...(props.SnapshotName !== undefined ? { SnapshotName: str(props.SnapshotName) } : {}),
      ...(props.SnapshotRetentionLimit !== undefined ? { SnapshotRetentionLimit: num(props.SnapshotRetentionLimit) } : {}),
      Tags: allTags(rc, props),
    });
    return { physicalId: id };
  },
  async ready(rc, id) {
    const c = await describe(rc, id);
    if (c?.CacheClusterStatus === 'incompatible-network') throw new AwsError('InvalidVPCNetworkStateFault', `Cache cluster ${id} could not get a network interface in its subnet.`, 400);
    return c?.CacheClusterStatus === 'available';
  },
  async attributes(rc, id) {
    const c = await describe(rc, id);
    const ep = ((c?.CacheNodes as Obj[] | undefined)?.[0]?.Endpoint ?? {}) as Obj;
    const out: Record<string, Json> = { 'RedisEndpoint.Address': String(ep.Address ?? ''), 'RedisEndpoint.Port': String(ep.Port ?? 6379) };
    return out;
  },
  async update(rc, id, props: JsonObject) {
    await rc.call('elasticache', 'ModifyCacheCluster', {
      CacheClusterId: id,
      ApplyImmediately: true,
      ...(props.VpcSecurityGroupIds !== undefined ? { SecurityGroupIds: strList(props.VpcSecurityGroupIds) } : {}),
      ...(props.PreferredMaintenanceWindow !== undefined ? { PreferredMaintenanceWindow: str(props.PreferredMaintenanceWindow) } : {}),
      ...(props.SnapshotRetentionLimit !== undefined ? { SnapshotRetentionLimit: num(props.SnapshotRetentionLimit) } : {}),
    });
  },
  async delete(rc, id) {
    const c = await describe(rc, id);
    if (!c) return;
    if (c.CacheClusterStatus !== 'deleting') await ignoreNotFound(rc.call('elasticache', 'DeleteCacheCluster', { CacheClusterId: id }));
    await rc.waitFor(async () => (await describe(rc, id)) === undefined, 15_000, 30 * 60_000, `cache cluster ${id} to be deleted`);
  },
};

/** A parameter group: its family, description and the Properties map of parameter values. */
const parameterGroup: ResourceProvider = {
  async create(rc, props) {
    const name = generatedName(rc, 255, { lower: true, suffix: 13 });
    await rc.call('elasticache', 'CreateCacheParameterGroup', { CacheParameterGroupName: name, CacheParameterGroupFamily: str(props.CacheParameterGroupFamily), Description: str(props.Description) ?? '' });
    const values = Object.entries((props.Properties ?? {}) as Obj).map(([k, v]) => ({ ParameterName: k, ParameterValue: String(v) }));
    if (values.length > 0) await rc.call('elasticache', 'ModifyCacheParameterGroup', { CacheParameterGroupName: name, ParameterNameValues: values });
    return { physicalId: name };
  },
  async delete(rc, name) {
    await ignoreNotFound(rc.call('elasticache', 'DeleteCacheParameterGroup', { CacheParameterGroupName: name }));
  },
};

export const elasticacheCloudFormation: Readonly<Record<string, ResourceProvider>> = {
  'AWS::ElastiCache::ParameterGroup': parameterGroup,
  'AWS::ElastiCache::SubnetGroup': subnetGroup,
  'AWS::ElastiCache::CacheCluster': cluster,
};
