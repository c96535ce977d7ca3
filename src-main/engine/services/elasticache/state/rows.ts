/** Rows of the ElastiCache tables and the queries over them, always within one account + region. */
import type { Ctx } from '../../../core/provider';

export interface SubnetGroupRow {
  name: string;
  description: string;
  vpc_id: string;
  subnets: string;
}
export interface SubnetRef {
  id: string;
  az: string;
}

export interface ClusterRow {
  account_id: string;
  region: string;
  id: string;
  engine_version: string;
  node_type: string;
  num_nodes: number;
  status: string;
  subnet_group: string;
  vpc_id: string;
  security_groups: string;
  port: number;
  parameter_group: string;
  maintenance_window: string;
  snapshot_retention: number;
  snapshot_window: string;
  auth_token: string | null;
  endpoint_tag: string;
  seed_snapshot: string | null;
  tags: string;
  created_at: number;
  next_step: string | null;
  next_at: number | null;
}

export interface NodeRow {
  cluster_id: string;
  node_id: string;
  az: string;
  subnet_id: string;
  eni_id: string | null;
  ip: string | null;
  status: string;
  created_at: number;
}

export interface SnapshotRow {
  name: string;
  cluster_id: string;
  source: string;
  status: string;
  node_type: string;
  engine_version: string;
  port: number;
  subnet_group: string;
  vpc_id: string;
  data: string | null;
  created_at: number;
}

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;
const where = (c: Scope) => [c.accountId, c.region] as const;

export const getSubnetGroup = (c: Scope, name: string) =>
  c.store.stmt('SELECT * FROM elasticache_subnet_groups WHERE account_id = ? AND region = ? AND name = ?').get(...where(c), name) as SubnetGroupRow | undefined;
export const listSubnetGroups = (c: Scope) =>
  c.store.stmt('SELECT * FROM elasticache_subnet_groups WHERE account_id = ? AND region = ? ORDER BY name').all(...where(c)) as SubnetGroupRow[];

export const getCluster = (c: Scope, id: string) =>
  c.store.stmt('SELECT * FROM elasticache_clusters WHERE account_id = ? AND region = ? AND id = ?').get(...where(c), id) as ClusterRow | undefined;
export const listClusters = (c: Scope) =>
  c.store.stmt('SELECT * FROM elasticache_clusters WHERE account_id = ? AND region = ? ORDER BY created_at, id').all(...where(c)) as ClusterRow[];
export const nodesOf = (c: Scope, clusterId: string) =>
  c.store.stmt('SELECT * FROM elasticache_nodes WHERE account_id = ? AND region = ? AND cluster_id = ? ORDER BY node_id').all(...where(c), clusterId) as NodeRow[];

export const getSnapshot = (c: Scope, name: string) =>
  c.store.stmt('SELECT * FROM elasticache_snapshots WHERE account_id = ? AND region = ? AND name = ?').get(...where(c), name) as SnapshotRow | undefined;
export const listSnapshots = (c: Scope) =>
  c.store.stmt('SELECT * FROM elasticache_snapshots WHERE account_id = ? AND region = ? ORDER BY created_at, name').all(...where(c)) as SnapshotRow[];

export const setClusterStatus = (c: Scope, id: string, status: string, nextStep: string | null, nextAt: number | null) =>
  c.store.stmt('UPDATE elasticache_clusters SET status = ?, next_step = ?, next_at = ? WHERE account_id = ? AND region = ? AND id = ?').run(status, nextStep, nextAt, ...where(c), id);

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
export const clusterArn = (c: { region: string; accountId: string }, id: string) => `arn:${partitionOf(c.region)}:elasticache:${c.region}:${c.accountId}:cluster:${id}`;
export const subnetGroupArn = (c: { region: string; accountId: string }, name: string) => `arn:${partitionOf(c.region)}:elasticache:${c.region}:${c.accountId}:subnetgroup:${name}`;
export const snapshotArn = (c: { region: string; accountId: string }, name: string) => `arn:${partitionOf(c.region)}:elasticache:${c.region}:${c.accountId}:snapshot:${name}`;

/** The supervisor's id for a node's Redis (also its data folder's name). */
export const engineId = (accountId: string, region: string, clusterId: string, nodeId: string) => `redis-${accountId}-${region}-${clusterId}-${nodeId}`;

/** `name.abc123.0001.use1.cache.amazonaws.com`, the node endpoint AWS gives a Redis node. */
export const nodeAddress = (cluster: Pick<ClusterRow, 'id' | 'endpoint_tag'>, nodeId: string, regionTag: string) =>
  `${cluster.id}.${cluster.endpoint_tag}.${nodeId}.${regionTag}.cache.amazonaws.com`;
