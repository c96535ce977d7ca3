/**
 * The EFS console's file systems page, as data for ResourceListPage (list, create, update the
 * throughput mode, delete, details), and the helpers its network tab and "Attach" instructions use.
 * §10.1–§10.3 build the same resources with CloudFormation; §2.2.5 looks at them in the console.
 */
import { compact, list, num, text, type Row } from '../../aws/json';
import { securityGroupOptions, subnetOptions } from '../../pages/options';
import type { Action, Field, ResourcePage, Values } from '../../pages/types';
import type { JsonObject } from '../../../src-main/contract';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');

/** EFS meters in bytes; the console shows them as a person would read them. */
export function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}

/** The names guests mount: the regional one (their zone's mount target) and one per zone. */
export const dnsName = (fsId: string, region: string, zone?: string): string => `${zone ? `${zone}.` : ''}${fsId}.efs.${region}.amazonaws.com`;

/** The "Attach" instructions: NFS client, amazon-efs-utils, and a line for /etc/fstab. */
export function mountCommands(fsId: string, region: string, dir = '/mnt/efs'): { label: string; command: string }[] {
  const opts = 'nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport';
  return [
    { label: 'With the NFS client', command: `sudo mount -t nfs4 -o ${opts} ${dnsName(fsId, region)}:/ ${dir}` },
    { label: 'With amazon-efs-utils (sudo yum install -y amazon-efs-utils)', command: `sudo mount -t efs ${fsId}:/ ${dir}` },
    { label: 'At every boot (/etc/fstab, then mount -a)', command: `${dnsName(fsId, region)}:/ ${dir} nfs4 ${opts},_netdev 0 0` },
  ];
}

export interface MountTargetView {
  zone: string;
  id: string;
  subnet: string;
  address: string;
  state: string;
  groups: string;
}

/** One row per zone, in zone order: what the network tab lists. */
export const mountTargetRows = (targets: Row[], groups: Record<string, string[]>): MountTargetView[] =>
  targets
    .map((t) => ({
      zone: text(t, 'AvailabilityZoneName'),
      id: text(t, 'MountTargetId'),
      subnet: text(t, 'SubnetId'),
      address: text(t, 'IpAddress'),
      state: text(t, 'LifeCycleState'),
      groups: (groups[text(t, 'MountTargetId')] ?? []).join(', '),
    }))
    .sort((a, b) => a.zone.localeCompare(b.zone));

/** CreateFileSystem's input from the form: a creation token of its own, the name as a tag. */
export function createFileSystemInput(v: Values, token = `console-${Date.now().toString(36)}`): JsonObject {
  const mode = str(v, 'ThroughputMode') || 'bursting';
  const name = str(v, 'Name');
  return compact({
    CreationToken: token,
    PerformanceMode: str(v, 'PerformanceMode') || 'generalPurpose',
    ThroughputMode: mode,
    ProvisionedThroughputInMibps: mode === 'provisioned' ? Number(v.ProvisionedThroughputInMibps ?? 1) : undefined,
    Encrypted: v.Encrypted === true,
    Backup: v.Backup === true,
    Tags: name ? [{ Key: 'Name', Value: name }] : undefined,
  });
}

const throughputFields: Field[] = [
  {
    key: 'ThroughputMode',
    label: 'Throughput mode',
    type: 'select',
    options: [
      { value: 'bursting', label: 'Bursting: baseline by stored size, bursts on credits (§10.5.2)' },
      { value: 'elastic', label: 'Elastic: follows the workload' },
      { value: 'provisioned', label: 'Provisioned: a fixed rate you pay for' },
    ],
    initial: 'bursting',
  },
  { key: 'ProvisionedThroughputInMibps', label: 'Provisioned throughput (MiB/s)', type: 'number', optional: true, help: 'Only for the provisioned mode.' },
];

const available = (r: Row) => text(r, 'LifeCycleState') === 'available';

const addMountTarget: Action = {
  label: 'Create mount target',
  fields: [
    { key: 'SubnetId', label: 'Subnet', type: 'select', options: subnetOptions, help: 'One mount target per Availability Zone; instances in that zone mount through it.' },
    { key: 'SecurityGroup', label: 'Security group', type: 'select', options: securityGroupOptions, optional: true, help: 'It must allow NFS (TCP 2049) from your instances (§10.2).' },
  ],
  enabled: available,
  async run(call, v, row) {
    const out = await call('elasticfilesystem', 'CreateMountTarget', compact({ FileSystemId: text(row, 'FileSystemId'), SubnetId: str(v, 'SubnetId'), SecurityGroups: str(v, 'SecurityGroup') ? [str(v, 'SecurityGroup')] : undefined }));
    return { message: `Creating mount target ${text(out, 'MountTargetId')} in ${text(out, 'AvailabilityZoneName')}.` };
  },
};

export const fileSystemsPage: ResourcePage = {
  title: 'File systems',
  noun: 'file system',
  area: 'EFS',
  description: 'Shared file systems that instances in every zone mount over NFS (TCP 2049). The lab keeps the files in its own database, so they outlive every instance.',
  describe: { service: 'elasticfilesystem', operation: 'DescribeFileSystems', rows: (o) => list(o, 'FileSystems') },
  idPath: 'FileSystemId',
  columns: [
    { title: 'Name', value: (r) => text(r, 'Name') || '–' },
    { title: 'File system ID', value: 'FileSystemId', link: true },
    { title: 'State', value: 'LifeCycleState', state: true },
    { title: 'Metered size', value: (r) => sizeText(num(r, 'SizeInBytes.Value')) },
    { title: 'Mount targets', value: 'NumberOfMountTargets' },
    { title: 'Performance mode', value: 'PerformanceMode' },
    { title: 'Throughput mode', value: 'ThroughputMode' },
    { title: 'Encrypted', value: (r) => (r.Encrypted ? 'Yes' : 'No') },
  ],
  transitional: (r) => text(r, 'LifeCycleState') !== 'available',
  watch: ['CreateFileSystem', 'DeleteFileSystem', 'UpdateFileSystem', 'CreateMountTarget', 'DeleteMountTarget', 'TagResource', 'CreateStack', 'DeleteStack'],
  create: {
    label: 'Create file system',
    fields: [
      { key: 'Name', label: 'Name', type: 'text', optional: true },
      {
        key: 'PerformanceMode',
        label: 'Performance mode',
        type: 'select',
        options: [
          { value: 'generalPurpose', label: 'General Purpose (lowest latency; the book’s choice)' },
          { value: 'maxIO', label: 'Max I/O (more parallel clients; cannot be changed later)' },
        ],
        initial: 'generalPurpose',
      },
      ...throughputFields,
      { key: 'Encrypted', label: 'Encrypt data at rest', type: 'checkbox', initial: true },
      { key: 'Backup', label: 'Automatic backups', type: 'checkbox', initial: false },
    ],
    async run(call, v) {
      const out = await call('elasticfilesystem', 'CreateFileSystem', createFileSystemInput(v));
      return { message: `Creating file system ${text(out, 'FileSystemId')}. Add a mount target in each zone your instances use.` };
    },
  },
  actions: [
    addMountTarget,
    {
      label: 'Change throughput mode',
      fields: throughputFields,
      enabled: available,
      async run(call, v, row) {
        const mode = str(v, 'ThroughputMode') || 'bursting';
        await call('elasticfilesystem', 'UpdateFileSystem', compact({ FileSystemId: text(row, 'FileSystemId'), ThroughputMode: mode, ProvisionedThroughputInMibps: mode === 'provisioned' ? Number(v.ProvisionedThroughputInMibps ?? 1) : undefined }));
        return { message: `Throughput mode of ${text(row, 'FileSystemId')} is now ${mode}.` };
      },
    },
    {
      label: 'Delete',
      confirm: { title: 'Delete file system', text: (r) => `Delete ${text(r, 'FileSystemId')} and every file on it? Its mount targets must be deleted first.`, typeToConfirm: 'delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('elasticfilesystem', 'DeleteFileSystem', { FileSystemId: text(row, 'FileSystemId') });
        return { message: `Deleted ${text(row, 'FileSystemId')}.` };
      },
    },
  ],
  details: (r) => [
    ['File system ID', text(r, 'FileSystemId')],
    ['ARN', text(r, 'FileSystemArn')],
    ['State', text(r, 'LifeCycleState')],
    ['Metered size', sizeText(num(r, 'SizeInBytes.Value'))],
    ['In Standard', sizeText(num(r, 'SizeInBytes.ValueInStandard'))],
    ['In Infrequent Access', sizeText(num(r, 'SizeInBytes.ValueInIA'))],
    ['Performance mode', text(r, 'PerformanceMode')],
    ['Throughput mode', `${text(r, 'ThroughputMode')}${r.ProvisionedThroughputInMibps ? ` (${text(r, 'ProvisionedThroughputInMibps')} MiB/s)` : ''}`],
    ['Encrypted', r.Encrypted ? `Yes (${text(r, 'KmsKeyId')})` : 'No'],
    ['Created', text(r, 'CreationTime')],
  ],
};
