/**
 * The ElastiCache console's Redis pages, as data for ResourceListPage: clusters (create, reboot,
 * resize, back up, delete), subnet groups and backups (restore into a new cluster). Chapter 12
 * (§12.1–§12.3) creates its cluster with CloudFormation; these pages show the same resources.
 */
import { compact, list, text, when, type Row } from '../../aws/json';
import { securityGroupOptions, subnetOptions } from '../../pages/options';
import type { AwsCall } from '../../composables/useAws';
import type { Action, Field, Option, ResourcePage, Values } from '../../pages/types';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const ids = (v: Values, k: string): string[] => str(v, k).split(/[\s,]+/).filter(Boolean);

/** Node types the lab models, smallest first (memory as ElastiCache's node type table). */
export const NODE_TYPES: Option[] = [
  { value: 'cache.t2.micro', label: 'cache.t2.micro (0.555 GiB, 1 vCPU) · the book’s choice' },
  { value: 'cache.t3.micro', label: 'cache.t3.micro (0.5 GiB, 2 vCPUs)' },
  { value: 'cache.t2.small', label: 'cache.t2.small (1.55 GiB, 1 vCPU)' },
  { value: 'cache.t3.medium', label: 'cache.t3.medium (3.09 GiB, 2 vCPUs)' },
  { value: 'cache.m5.large', label: 'cache.m5.large (6.38 GiB, 2 vCPUs)' },
  { value: 'cache.r5.large', label: 'cache.r5.large (13.07 GiB, 2 vCPUs)' },
];

async function engineVersions(call: AwsCall): Promise<Option[]> {
  const out = await call('elasticache', 'DescribeCacheEngineVersions', { Engine: 'redis' });
  return list(out, 'CacheEngineVersions')
    .map((v) => text(v, 'EngineVersion'))
    .reverse()
    .map((v) => ({ value: v, label: `Redis ${v}` }));
}

async function subnetGroupOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('elasticache', 'DescribeCacheSubnetGroups');
  return list(out, 'CacheSubnetGroups').map((g) => ({ value: text(g, 'CacheSubnetGroupName'), label: `${text(g, 'CacheSubnetGroupName')} (${text(g, 'VpcId')})` }));
}

/** Parameter groups of the cluster's family only would be right; the API refuses a mismatch with AWS's error. */
async function parameterGroupOptions(call: AwsCall, row?: Row): Promise<Option[]> {
  const out = await call('elasticache', 'DescribeCacheParameterGroups');
  const current = row ? text(row, 'CacheParameterGroup.CacheParameterGroupName') : '';
  return list(out, 'CacheParameterGroups').map((g) => ({
    value: text(g, 'CacheParameterGroupName'),
    label: `${text(g, 'CacheParameterGroupName')} (${text(g, 'CacheParameterGroupFamily')})${text(g, 'CacheParameterGroupName') === current ? ' · current' : ''}`,
  }));
}

/** The endpoint a client connects to: the first node's address and port. */
export const endpointOf = (r: Row): string => {
  const node = list(r, 'CacheNodes')[0];
  const address = node ? text(node, 'Endpoint.Address') : '';
  return address ? `${address}:${text(node, 'Endpoint.Port')}` : '';
};

const clusterFields = (withName: boolean): Field[] => [
  ...(withName ? [{ key: 'CacheClusterId', label: 'Cluster name', type: 'text', help: 'Lowercase letters, digits and hyphens; up to 40 characters.' } as const] : []),
  { key: 'CacheNodeType', label: 'Node type', type: 'select', options: NODE_TYPES, initial: 'cache.t2.micro' },
  { key: 'EngineVersion', label: 'Engine version', type: 'select', options: engineVersions, optional: true },
  { key: 'CacheSubnetGroupName', label: 'Subnet group', type: 'select', options: subnetGroupOptions, optional: true, help: 'Without one, the cluster goes into the default VPC.' },
  { key: 'SecurityGroupIds', label: 'Security group', type: 'select', options: securityGroupOptions, optional: true, help: 'Redis listens on 6379: allow it from your instances’ security group (§12.1.1).' },
];

const clusterInput = (v: Values, extra: Record<string, string | undefined> = {}) =>
  compact({
    CacheClusterId: str(v, 'CacheClusterId'),
    Engine: 'redis',
    CacheNodeType: str(v, 'CacheNodeType') || 'cache.t2.micro',
    NumCacheNodes: 1,
    EngineVersion: str(v, 'EngineVersion') || undefined,
    CacheSubnetGroupName: str(v, 'CacheSubnetGroupName') || undefined,
    SecurityGroupIds: str(v, 'SecurityGroupIds') ? [str(v, 'SecurityGroupIds')] : undefined,
    ...extra,
  });

const available = (r: Row) => text(r, 'CacheClusterStatus') === 'available';

const deleteCluster: Action = {
  label: 'Delete',
  fields: [{ key: 'FinalSnapshotIdentifier', label: 'Final backup name', type: 'text', optional: true, help: 'Leave empty to delete without a backup.' }],
  confirm: { title: 'Delete cluster', text: (r) => `Delete ${text(r, 'CacheClusterId')} and its data? This cannot be undone.`, typeToConfirm: 'delete', button: 'Delete' },
  enabled: available,
  async run(call, v, row) {
    await call('elasticache', 'DeleteCacheCluster', compact({ CacheClusterId: text(row, 'CacheClusterId'), FinalSnapshotIdentifier: str(v, 'FinalSnapshotIdentifier') || undefined }));
    return { message: `Deleting cluster ${text(row, 'CacheClusterId')}.` };
  },
};

export const clustersPage: ResourcePage = {
  title: 'Redis clusters',
  noun: 'cluster',
  area: 'ElastiCache',
  description: 'In-memory Redis caches in your VPC. The lab runs a real Redis-compatible server for each node; connect with redis-cli from an instance (§12.1.2).',
  describe: { service: 'elasticache', operation: 'DescribeCacheClusters', input: { ShowCacheNodeInfo: true }, rows: (o) => list(o, 'CacheClusters') },
  idPath: 'CacheClusterId',
  columns: [
    { title: 'Cluster name', value: 'CacheClusterId', link: true },
    { title: 'Status', value: 'CacheClusterStatus', state: true },
    { title: 'Node type', value: 'CacheNodeType' },
    { title: 'Engine version', value: (r) => `${text(r, 'Engine')} ${text(r, 'EngineVersion')}` },
    { title: 'Nodes', value: 'NumCacheNodes' },
    { title: 'Availability Zone', value: 'PreferredAvailabilityZone' },
    { title: 'Endpoint', value: endpointOf },
  ],
  transitional: (r) => !['available', 'deleted', 'incompatible-network'].includes(text(r, 'CacheClusterStatus')),
  watch: ['CreateCacheCluster', 'DeleteCacheCluster', 'ModifyCacheCluster', 'RebootCacheCluster', 'CreateStack', 'DeleteStack'],
  create: {
    label: 'Create Redis cluster',
    fields: [...clusterFields(true), { key: 'SnapshotRetentionLimit', label: 'Automatic backups (days to keep, 0 = off)', type: 'number', initial: 0 }],
    async run(call, v) {
      const input = clusterInput(v);
      const days = Number(v.SnapshotRetentionLimit ?? 0);
      if (days > 0) input.SnapshotRetentionLimit = days;
      await call('elasticache', 'CreateCacheCluster', input);
      return { message: `Creating cluster ${str(v, 'CacheClusterId')}: it is available in a few minutes of lab time.` };
    },
  },
  actions: [
    {
      label: 'Reboot',
      confirm: { title: 'Reboot nodes', text: (r) => `Reboot every node of ${text(r, 'CacheClusterId')}? Data kept only in memory is lost; the last backup is not.`, button: 'Reboot' },
      enabled: available,
      async run(call, _v, row) {
        const nodes = list(row, 'CacheNodes').map((n) => text(n, 'CacheNodeId'));
        await call('elasticache', 'RebootCacheCluster', { CacheClusterId: text(row, 'CacheClusterId'), CacheNodeIdsToReboot: nodes.length ? nodes : ['0001'] });
        return { message: `Rebooting ${text(row, 'CacheClusterId')}.` };
      },
    },
    {
      label: 'Modify',
      fields: [
        { key: 'CacheParameterGroupName', label: 'Parameter group', type: 'select', options: parameterGroupOptions, optional: true, help: 'Its settings (maxmemory-policy…) apply to the running node at once.' },
        { key: 'SnapshotRetentionLimit', label: 'Automatic backups (days to keep, 0 = off)', type: 'number', initial: 0 },
      ],
      enabled: available,
      async run(call, v, row) {
        await call('elasticache', 'ModifyCacheCluster', compact({
          CacheClusterId: text(row, 'CacheClusterId'),
          CacheParameterGroupName: str(v, 'CacheParameterGroupName') || undefined,
          SnapshotRetentionLimit: Number(v.SnapshotRetentionLimit ?? 0),
          ApplyImmediately: true,
        }));
        return { message: `Modifying ${text(row, 'CacheClusterId')}.` };
      },
    },
    {
      label: 'Back up',
      fields: [{ key: 'SnapshotName', label: 'Backup name', type: 'text' }],
      enabled: available,
      async run(call, v, row) {
        await call('elasticache', 'CreateSnapshot', { CacheClusterId: text(row, 'CacheClusterId'), SnapshotName: str(v, 'SnapshotName') });
        return { message: `Creating backup ${str(v, 'SnapshotName')}.` };
      },
    },
    deleteCluster,
  ],
  details: (r) => [
    ['Cluster name', text(r, 'CacheClusterId')],
    ['ARN', text(r, 'ARN')],
    ['Status', text(r, 'CacheClusterStatus')],
    ['Endpoint', endpointOf(r)],
    ['Engine', `${text(r, 'Engine')} ${text(r, 'EngineVersion')}`],
    ['Node type', text(r, 'CacheNodeType')],
    ['Subnet group', text(r, 'CacheSubnetGroupName')],
    ['Security groups', list(r, 'SecurityGroups').map((g) => text(g, 'SecurityGroupId')).join(', ')],
    ['Parameter group', text(r, 'CacheParameterGroup.CacheParameterGroupName')],
    ['Automatic backups', text(r, 'SnapshotRetentionLimit') && text(r, 'SnapshotRetentionLimit') !== '0' ? `${text(r, 'SnapshotRetentionLimit')} days, window ${text(r, 'SnapshotWindow')}` : 'Off'],
    ['Created', when(text(r, 'CacheClusterCreateTime'))],
  ],
  subTables: [
    {
      title: 'Nodes',
      rows: (r) => list(r, 'CacheNodes'),
      columns: [
        { title: 'Node name', value: 'CacheNodeId' },
        { title: 'Status', value: 'CacheNodeStatus', state: true },
        { title: 'Endpoint', value: (n) => `${text(n, 'Endpoint.Address')}:${text(n, 'Endpoint.Port')}` },
        { title: 'Availability Zone', value: 'CustomerAvailabilityZone' },
        { title: 'Created', value: (n) => when(text(n, 'CacheNodeCreateTime')) },
      ],
    },
  ],
};

export const subnetGroupsPage: ResourcePage = {
  title: 'Subnet groups',
  noun: 'subnet group',
  area: 'ElastiCache',
  description: 'The subnets of one VPC a cluster may place its nodes in (the book uses two, in two zones).',
  describe: { service: 'elasticache', operation: 'DescribeCacheSubnetGroups', rows: (o) => list(o, 'CacheSubnetGroups') },
  idPath: 'CacheSubnetGroupName',
  columns: [
    { title: 'Name', value: 'CacheSubnetGroupName', link: true },
    { title: 'Description', value: 'CacheSubnetGroupDescription' },
    { title: 'VPC ID', value: 'VpcId' },
    { title: 'Subnets', value: (r) => String(list(r, 'Subnets').length) },
  ],
  watch: ['CreateCacheSubnetGroup', 'DeleteCacheSubnetGroup', 'CreateStack', 'DeleteStack'],
  create: {
    label: 'Create subnet group',
    fields: [
      { key: 'CacheSubnetGroupName', label: 'Name', type: 'text' },
      { key: 'CacheSubnetGroupDescription', label: 'Description', type: 'text' },
      { key: 'SubnetId', label: 'Subnet', type: 'select', options: subnetOptions },
      { key: 'MoreSubnetIds', label: 'More subnet IDs (comma-separated, same VPC)', type: 'text', optional: true },
    ],
    async run(call, v) {
      await call('elasticache', 'CreateCacheSubnetGroup', {
        CacheSubnetGroupName: str(v, 'CacheSubnetGroupName'),
        CacheSubnetGroupDescription: str(v, 'CacheSubnetGroupDescription') || str(v, 'CacheSubnetGroupName'),
        SubnetIds: [...new Set([str(v, 'SubnetId'), ...ids(v, 'MoreSubnetIds')].filter(Boolean))],
      });
      return { message: `Subnet group ${str(v, 'CacheSubnetGroupName')} was created.` };
    },
  },
  actions: [
    {
      label: 'Delete',
      confirm: { title: 'Delete subnet group', text: (r) => `Delete ${text(r, 'CacheSubnetGroupName')}?`, button: 'Delete' },
      async run(call, _v, row) {
        await call('elasticache', 'DeleteCacheSubnetGroup', { CacheSubnetGroupName: text(row, 'CacheSubnetGroupName') });
        return { message: `Subnet group ${text(row, 'CacheSubnetGroupName')} was deleted.` };
      },
    },
  ],
  details: (r) => [
    ['Name', text(r, 'CacheSubnetGroupName')],
    ['Description', text(r, 'CacheSubnetGroupDescription')],
    ['VPC ID', text(r, 'VpcId')],
    ['ARN', text(r, 'ARN')],
  ],
  subTables: [
    {
      title: 'Subnets',
      rows: (r) => list(r, 'Subnets'),
      columns: [
        { title: 'Subnet ID', value: 'SubnetIdentifier' },
        { title: 'Availability Zone', value: 'SubnetAvailabilityZone.Name' },
      ],
    },
  ],
};

export const backupsPage: ResourcePage = {
  title: 'Backups',
  noun: 'backup',
  area: 'ElastiCache',
  description: 'Point-in-time copies of a Redis cluster’s data (manual, automatic, or the final one at deletion). Restore one into a new cluster.',
  describe: { service: 'elasticache', operation: 'DescribeSnapshots', rows: (o) => list(o, 'Snapshots') },
  idPath: 'SnapshotName',
  columns: [
    { title: 'Backup name', value: 'SnapshotName', link: true },
    { title: 'Status', value: 'SnapshotStatus', state: true },
    { title: 'Source cluster', value: 'CacheClusterId' },
    { title: 'Type', value: 'SnapshotSource' },
    { title: 'Node type', value: 'CacheNodeType' },
    { title: 'Created', value: (r) => when(text(list(r, 'NodeSnapshots')[0], 'SnapshotCreateTime')) },
    { title: 'Size (MB)', value: (r) => text(list(r, 'NodeSnapshots')[0], 'CacheSize') },
  ],
  transitional: (r) => text(r, 'SnapshotStatus') === 'creating',
  watch: ['CreateSnapshot', 'DeleteSnapshot', 'DeleteCacheCluster'],
  actions: [
    {
      label: 'Restore',
      fields: clusterFields(true),
      enabled: (r) => text(r, 'SnapshotStatus') === 'available',
      async run(call, v, row) {
        await call('elasticache', 'CreateCacheCluster', clusterInput(v, { SnapshotName: text(row, 'SnapshotName') }));
        return { message: `Restoring ${text(row, 'SnapshotName')} into the new cluster ${str(v, 'CacheClusterId')}.` };
      },
    },
    {
      label: 'Delete',
      confirm: { title: 'Delete backup', text: (r) => `Delete ${text(r, 'SnapshotName')}? This cannot be undone.`, typeToConfirm: 'delete', button: 'Delete' },
      enabled: (r) => text(r, 'SnapshotStatus') === 'available',
      async run(call, _v, row) {
        await call('elasticache', 'DeleteSnapshot', { SnapshotName: text(row, 'SnapshotName') });
        return { message: `Backup ${text(row, 'SnapshotName')} was deleted.` };
      },
    },
  ],
  details: (r) => [
    ['Backup name', text(r, 'SnapshotName')],
    ['Source cluster', text(r, 'CacheClusterId')],
    ['Type', text(r, 'SnapshotSource')],
    ['Engine', `${text(r, 'Engine')} ${text(r, 'EngineVersion')}`],
    ['Node type', text(r, 'CacheNodeType')],
    ['ARN', text(r, 'ARN')],
  ],
};
