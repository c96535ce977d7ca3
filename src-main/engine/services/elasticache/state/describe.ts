/** The API's shapes for clusters, subnet groups and snapshots, built from the rows. */
import type { CacheCluster, CacheSubnetGroup, Snapshot } from '../../../models/generated/elasticache';
import { defaultParameterGroup, regionTag } from '../node-types';
import { clusterArn, nodesOf, snapshotArn, subnetGroupArn, type ClusterRow, type SnapshotRow, type SubnetGroupRow, type SubnetRef } from './rows';

type Scope = Parameters<typeof nodesOf>[0];

export function describeCluster(c: Scope, row: ClusterRow, showNodes: boolean): CacheCluster {
  const nodes = nodesOf(c, row.id);
  const tag = regionTag(row.region);
  const out: CacheCluster = {
    CacheClusterId: row.id,
    ClientDownloadLandingPage: 'https://console.aws.amazon.com/elasticache/home#client-download:',
    CacheNodeType: row.node_type,
    Engine: 'redis',
    EngineVersion: row.engine_version,
    CacheClusterStatus: row.status,
    NumCacheNodes: row.num_nodes,
    PreferredAvailabilityZone: nodes[0]?.az ?? '',
    CacheClusterCreateTime: new Date(row.created_at),
    PreferredMaintenanceWindow: row.maintenance_window,
    PendingModifiedValues: {},
    CacheSecurityGroups: [],
    CacheParameterGroup: { CacheParameterGroupName: row.parameter_group || defaultParameterGroup(row.engine_version), ParameterApplyStatus: 'in-sync', CacheNodeIdsToReboot: [] },
    CacheSubnetGroupName: row.subnet_group,
    AutoMinorVersionUpgrade: true,
    SecurityGroups: (JSON.parse(row.security_groups) as string[]).map((id) => ({ SecurityGroupId: id, Status: 'active' })),
    SnapshotRetentionLimit: row.snapshot_retention,
    SnapshotWindow: row.snapshot_window,
    AuthTokenEnabled: !!row.auth_token,
    TransitEncryptionEnabled: false,
    AtRestEncryptionEnabled: false,
    ARN: clusterArn({ region: row.region, accountId: row.account_id }, row.id),
    ReplicationGroupLogDeliveryEnabled: false,
    LogDeliveryConfigurations: [],
    NetworkType: 'ipv4',
    IpDiscovery: 'ipv4',
  };
  if (showNodes) {
    out.CacheNodes = nodes.map((n) => ({
      CacheNodeId: n.node_id,
      CacheNodeStatus: n.status,
      CacheNodeCreateTime: new Date(n.created_at),
      // AWS shows a node's endpoint once the node exists, even while the cluster finishes creating.
      ...(n.ip ? { Endpoint: { Address: `${row.id}.${row.endpoint_tag}.${n.node_id}.${tag}.cache.amazonaws.com`, Port: row.port } } : {}),
      ParameterGroupStatus: 'in-sync',
      CustomerAvailabilityZone: n.az,
    }));
  }
  return out;
}

export function describeSubnetGroup(c: { region: string; accountId: string }, g: SubnetGroupRow): CacheSubnetGroup {
  return {
    CacheSubnetGroupName: g.name,
    CacheSubnetGroupDescription: g.description,
    VpcId: g.vpc_id,
    Subnets: (JSON.parse(g.subnets) as SubnetRef[]).map((s) => ({ SubnetIdentifier: s.id, SubnetAvailabilityZone: { Name: s.az }, SupportedNetworkTypes: ['ipv4'] })),
    ARN: subnetGroupArn(c, g.name),
    SupportedNetworkTypes: ['ipv4'],
  };
}

export function describeSnapshot(c: { region: string; accountId: string }, s: SnapshotRow): Snapshot {
  const bytes = s.data ? Math.ceil((s.data.length * 3) / 4) : 0;
  return {
    SnapshotName: s.name,
    CacheClusterId: s.cluster_id,
    SnapshotStatus: s.status,
    SnapshotSource: s.source,
    CacheNodeType: s.node_type,
    Engine: 'redis',
    EngineVersion: s.engine_version,
    NumCacheNodes: 1,
    CacheClusterCreateTime: new Date(s.created_at),
    Port: s.port,
    CacheParameterGroupName: defaultParameterGroup(s.engine_version),
    CacheSubnetGroupName: s.subnet_group,
    VpcId: s.vpc_id,
    AutoMinorVersionUpgrade: true,
    SnapshotRetentionLimit: 0,
    NodeSnapshots: [{ CacheNodeId: '0001', CacheSize: `${Math.max(1, Math.ceil(bytes / 1024 ** 2))} MB`, SnapshotCreateTime: new Date(s.created_at) }],
    ARN: snapshotArn(c, s.name),
    DataTiering: 'disabled',
  };
}
