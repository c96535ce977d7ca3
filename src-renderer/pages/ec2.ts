/** The EC2 console's list pages (other than Instances), as data for ResourceListPage. */
import { compact, list, tag, text, when, type Row } from '../aws/json';
import {
  instanceOptions,
  networkInterfaceOptions,
  VOLUME_TYPES,
  zoneOptions,
} from './options';
import type { ResourcePage, Values } from './types';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const nameTag = (resourceType: string, v: Values) =>
  str(v, 'Name') ? [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: str(v, 'Name') }] }] : undefined;
const nameField = { key: 'Name', label: 'Name', type: 'text', optional: true } as const;

export const keyPairsPage: ResourcePage = {
  title: 'Key pairs',
  noun: 'key pair',
  area: 'EC2',
  description: 'A key pair proves your identity when you connect to an instance over SSH (§1.8.3).',
  describe: { operation: 'DescribeKeyPairs', rows: (o) => list(o, 'KeyPairs') },
  idPath: 'KeyName',
  columns: [
    { title: 'Name', value: 'KeyName', link: true },
    { title: 'Type', value: 'KeyType' },
    { title: 'Created', value: (r) => when(text(r, 'CreateTime')) },
    { title: 'Fingerprint', value: 'KeyFingerprint' },
    { title: 'ID', value: 'KeyPairId' },
  ],
  watch: ['CreateKeyPair', 'ImportKeyPair', 'DeleteKeyPair'],
  create: {
    label: 'Create key pair',
    fields: [
      { key: 'KeyName', label: 'Key pair name', type: 'text', placeholder: 'mykey', help: 'Up to 255 ASCII characters.' },
      {
        key: 'KeyType',
        label: 'Key pair type',
        type: 'select',
        initial: 'rsa',
        options: [
          { value: 'rsa', label: 'RSA' },
          { value: 'ed25519', label: 'ED25519' },
        ],
      },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateKeyPair', { KeyName: str(v, 'KeyName'), KeyType: str(v, 'KeyType') || 'rsa', KeyFormat: 'pem' });
      const name = text(out, 'KeyName');
      return {
        message: `Successfully created key pair ${name}. AWS keeps no copy of its private key: this is the only time you get it.`,
        file: { name: `${name}.pem`, content: text(out, 'KeyMaterial') },
      };
    },
  },
  actions: [
    {
      label: 'Import key pair',
      needsRow: false,
      fields: [
        { key: 'KeyName', label: 'Key pair name', type: 'text' },
        { key: 'PublicKey', label: 'Public key contents', type: 'textarea', placeholder: 'ssh-rsa AAAA… or ssh-ed25519 AAAA…' },
      ],
      async run(call, v) {
        await call('ec2', 'ImportKeyPair', { KeyName: str(v, 'KeyName'), PublicKeyMaterial: btoa(str(v, 'PublicKey')) });
        return { message: `Successfully imported key pair ${str(v, 'KeyName')}.` };
      },
    },
    {
      label: 'Delete',
      confirm: {
        title: 'Delete key pair',
        text: (r) => `Delete ${text(r, 'KeyName')}? Instances launched with it keep working, but the key pair cannot be chosen for new ones.`,
        typeToConfirm: 'Delete',
        button: 'Delete',
      },
      async run(call, _v, row) {
        await call('ec2', 'DeleteKeyPair', { KeyName: text(row, 'KeyName') });
        return { message: `Successfully deleted key pair ${text(row, 'KeyName')}.` };
      },
    },
  ],
  details: (r) => [
    ['Key pair name', text(r, 'KeyName')],
    ['Key pair ID', text(r, 'KeyPairId')],
    ['Type', text(r, 'KeyType')],
    ['Fingerprint', text(r, 'KeyFingerprint')],
    ['Created', when(text(r, 'CreateTime'))],
  ],
};

const attachment = (r: Row) => list(r, 'Attachments')[0];

export const volumesPage: ResourcePage = {
  title: 'Volumes',
  noun: 'volume',
  area: 'EC2',
  description: 'EBS volumes are network-attached block storage for instances in the same Availability Zone (§9.1).',
  describe: { operation: 'DescribeVolumes', rows: (o) => list(o, 'Volumes') },
  idPath: 'VolumeId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Volume ID', value: 'VolumeId', link: true },
    { title: 'Type', value: 'VolumeType' },
    { title: 'Size', value: (r) => `${text(r, 'Size')} GiB` },
    { title: 'Snapshot', value: 'SnapshotId' },
    { title: 'Availability Zone', value: 'AvailabilityZone' },
    { title: 'Volume state', value: 'State', state: true },
    { title: 'Attached resources', value: (r) => (attachment(r) ? `${text(attachment(r), 'InstanceId')}: ${text(attachment(r), 'Device')} (${text(attachment(r), 'State')})` : '') },
  ],
  transitional: (r) => ['creating', 'deleting'].includes(text(r, 'State')) || ['attaching', 'detaching'].includes(text(attachment(r), 'State')),
  watch: ['CreateVolume', 'DeleteVolume', 'AttachVolume', 'DetachVolume', 'RunInstances', 'TerminateInstances', 'CreateTags'],
  create: {
    label: 'Create volume',
    fields: [
      { key: 'VolumeType', label: 'Volume type', type: 'select', initial: 'gp2', options: VOLUME_TYPES },
      { key: 'Size', label: 'Size (GiB)', type: 'number', initial: 8 },
      { key: 'AvailabilityZone', label: 'Availability Zone', type: 'select', options: zoneOptions },
      { key: 'SnapshotId', label: 'Snapshot ID', type: 'text', optional: true, placeholder: 'snap-…' },
      nameField,
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateVolume', compact({
        VolumeType: str(v, 'VolumeType'),
        Size: typeof v.Size === 'number' ? v.Size : undefined,
        AvailabilityZone: str(v, 'AvailabilityZone'),
        SnapshotId: str(v, 'SnapshotId'),
        TagSpecifications: nameTag('volume', v),
      }));
      return { message: `Successfully created volume ${text(out, 'VolumeId')}.` };
    },
  },
  actions: [
    {
      label: 'Attach volume',
      enabled: (r) => text(r, 'State') === 'available',
      fields: [
        { key: 'InstanceId', label: 'Instance', type: 'select', options: (call) => instanceOptions(call, ['running', 'stopped']) },
        { key: 'Device', label: 'Device name', type: 'text', initial: '/dev/sdf' },
      ],
      async run(call, v, row) {
        await call('ec2', 'AttachVolume', { VolumeId: text(row, 'VolumeId'), InstanceId: str(v, 'InstanceId'), Device: str(v, 'Device') });
        return { message: `Attaching ${text(row, 'VolumeId')} to ${str(v, 'InstanceId')}.` };
      },
    },
    {
      label: 'Detach volume',
      enabled: (r) => text(r, 'State') === 'in-use',
      confirm: { title: 'Detach volume', text: (r) => `Detach ${text(r, 'VolumeId')} from ${text(attachment(r ?? {}), 'InstanceId')}? Unmount it inside the instance first.`, button: 'Detach' },
      async run(call, _v, row) {
        await call('ec2', 'DetachVolume', { VolumeId: text(row, 'VolumeId') });
        return { message: `Detaching ${text(row, 'VolumeId')}.` };
      },
    },
    {
      label: 'Create snapshot',
      fields: [{ key: 'Description', label: 'Description', type: 'text', optional: true }],
      async run(call, v, row) {
        const out = await call('ec2', 'CreateSnapshot', compact({ VolumeId: text(row, 'VolumeId'), Description: str(v, 'Description') }));
        return { message: `Successfully created snapshot ${text(out, 'SnapshotId')} from ${text(row, 'VolumeId')}.` };
      },
    },
    {
      label: 'Delete volume',
      enabled: (r) => text(r, 'State') === 'available',
      confirm: { title: 'Delete volume', text: (r) => `Permanently delete ${text(r, 'VolumeId')} and its data?`, typeToConfirm: 'delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('ec2', 'DeleteVolume', { VolumeId: text(row, 'VolumeId') });
        return { message: `Successfully deleted volume ${text(row, 'VolumeId')}.` };
      },
    },
  ],
  details: (r) => [
    ['Volume ID', text(r, 'VolumeId')],
    ['Size', `${text(r, 'Size')} GiB`],
    ['Type', text(r, 'VolumeType')],
    ['IOPS', text(r, 'Iops')],
    ['Volume state', text(r, 'State')],
    ['Availability Zone', text(r, 'AvailabilityZone')],
    ['Snapshot', text(r, 'SnapshotId')],
    ['Encryption', r.Encrypted === true ? 'Encrypted' : 'Not encrypted'],
    ['Created', when(text(r, 'CreateTime'))],
    ['Attached resources', attachment(r) ? `${text(attachment(r), 'InstanceId')} (${text(attachment(r), 'Device')})` : ''],
  ],
};

export const snapshotsPage: ResourcePage = {
  title: 'Snapshots',
  noun: 'snapshot',
  area: 'EC2',
  description: 'Snapshots are point-in-time, incremental backups of EBS volumes, stored in S3 (§9.1.2).',
  describe: { operation: 'DescribeSnapshots', input: { OwnerIds: ['self'] }, rows: (o) => list(o, 'Snapshots') },
  idPath: 'SnapshotId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Snapshot ID', value: 'SnapshotId', link: true },
    { title: 'Volume size', value: (r) => `${text(r, 'VolumeSize')} GiB` },
    { title: 'Description', value: 'Description' },
    { title: 'Snapshot status', value: 'State', state: true },
    { title: 'Progress', value: 'Progress' },
    { title: 'Started', value: (r) => when(text(r, 'StartTime')) },
    { title: 'Volume', value: 'VolumeId' },
  ],
  transitional: (r) => text(r, 'State') === 'pending',
  watch: ['CreateSnapshot', 'DeleteSnapshot', 'CopySnapshot', 'CreateTags'],
  actions: [
    {
      label: 'Create volume from snapshot',
      enabled: (r) => text(r, 'State') === 'completed',
      fields: [
        { key: 'VolumeType', label: 'Volume type', type: 'select', initial: 'gp2', options: VOLUME_TYPES },
        { key: 'AvailabilityZone', label: 'Availability Zone', type: 'select', options: zoneOptions },
        { key: 'Size', label: 'Size (GiB)', type: 'number', optional: true, help: 'At least the snapshot size.' },
      ],
      async run(call, v, row) {
        const out = await call('ec2', 'CreateVolume', compact({
          SnapshotId: text(row, 'SnapshotId'),
          VolumeType: str(v, 'VolumeType'),
          AvailabilityZone: str(v, 'AvailabilityZone'),
          Size: typeof v.Size === 'number' ? v.Size : undefined,
        }));
        return { message: `Successfully created volume ${text(out, 'VolumeId')} from ${text(row, 'SnapshotId')}.` };
      },
    },
    {
      label: 'Delete snapshot',
      confirm: { title: 'Delete snapshot', text: (r) => `Permanently delete ${text(r, 'SnapshotId')}?`, typeToConfirm: 'delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('ec2', 'DeleteSnapshot', { SnapshotId: text(row, 'SnapshotId') });
        return { message: `Successfully deleted snapshot ${text(row, 'SnapshotId')}.` };
      },
    },
  ],
  details: (r) => [
    ['Snapshot ID', text(r, 'SnapshotId')],
    ['Volume', text(r, 'VolumeId')],
    ['Volume size', `${text(r, 'VolumeSize')} GiB`],
    ['Snapshot status', text(r, 'State')],
    ['Progress', text(r, 'Progress')],
    ['Started', when(text(r, 'StartTime'))],
    ['Description', text(r, 'Description')],
    ['Owner', text(r, 'OwnerId')],
  ],
};

export const elasticIpsPage: ResourcePage = {
  title: 'Elastic IP addresses',
  noun: 'Elastic IP address',
  area: 'EC2',
  description: 'A static public IPv4 address you own until you release it; move it between instances and network interfaces (§3.6).',
  describe: { operation: 'DescribeAddresses', rows: (o) => list(o, 'Addresses') },
  idPath: 'AllocationId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Allocated IPv4 address', value: 'PublicIp', link: true },
    { title: 'Allocation ID', value: 'AllocationId' },
    { title: 'Associated instance ID', value: 'InstanceId' },
    { title: 'Private IP address', value: 'PrivateIpAddress' },
    { title: 'Association ID', value: 'AssociationId' },
    { title: 'Network interface ID', value: 'NetworkInterfaceId' },
  ],
  watch: ['AllocateAddress', 'ReleaseAddress', 'AssociateAddress', 'DisassociateAddress', 'TerminateInstances'],
  create: {
    label: 'Allocate Elastic IP address',
    fields: [nameField],
    async run(call, v) {
      const out = await call('ec2', 'AllocateAddress', compact({ Domain: 'vpc', TagSpecifications: nameTag('elastic-ip', v) }));
      return { message: `Elastic IP address ${text(out, 'PublicIp')} allocated.` };
    },
  },
  actions: [
    {
      label: 'Associate Elastic IP address',
      enabled: (r) => !text(r, 'AssociationId'),
      fields: [
        { key: 'InstanceId', label: 'Instance', type: 'select', optional: true, options: (call) => instanceOptions(call, ['running', 'stopped']) },
        { key: 'NetworkInterfaceId', label: 'Network interface', type: 'select', optional: true, options: networkInterfaceOptions },
        { key: 'PrivateIpAddress', label: 'Private IP address', type: 'text', optional: true },
        { key: 'AllowReassociation', label: 'Reassociation', type: 'checkbox', help: 'Allow this Elastic IP address to be reassociated' },
      ],
      async run(call, v, row) {
        const out = await call('ec2', 'AssociateAddress', compact({
          AllocationId: text(row, 'AllocationId'),
          InstanceId: str(v, 'InstanceId'),
          NetworkInterfaceId: str(v, 'NetworkInterfaceId'),
          PrivateIpAddress: str(v, 'PrivateIpAddress'),
          AllowReassociation: v.AllowReassociation === true ? true : undefined,
        }));
        return { message: `Elastic IP address ${text(row, 'PublicIp')} associated (${text(out, 'AssociationId')}).` };
      },
    },
    {
      label: 'Disassociate Elastic IP address',
      enabled: (r) => !!text(r, 'AssociationId'),
      confirm: { title: 'Disassociate Elastic IP address', text: (r) => `Disassociate ${text(r, 'PublicIp')} from ${text(r, 'InstanceId') || text(r, 'NetworkInterfaceId')}?`, button: 'Disassociate' },
      async run(call, _v, row) {
        await call('ec2', 'DisassociateAddress', { AssociationId: text(row, 'AssociationId') });
        return { message: `Elastic IP address ${text(row, 'PublicIp')} disassociated.` };
      },
    },
    {
      label: 'Release Elastic IP addresses',
      enabled: (r) => !text(r, 'AssociationId'),
      confirm: { title: 'Release Elastic IP addresses', text: (r) => `Release ${text(r, 'PublicIp')}? You may not get the same address back.`, button: 'Release' },
      async run(call, _v, row) {
        await call('ec2', 'ReleaseAddress', { AllocationId: text(row, 'AllocationId') });
        return { message: `Elastic IP address ${text(row, 'PublicIp')} released.` };
      },
    },
  ],
  details: (r) => [
    ['Allocated IPv4 address', text(r, 'PublicIp')],
    ['Type', 'Public IP'],
    ['Allocation ID', text(r, 'AllocationId')],
    ['Association ID', text(r, 'AssociationId')],
    ['Associated instance ID', text(r, 'InstanceId')],
    ['Private IP address', text(r, 'PrivateIpAddress')],
    ['Network interface ID', text(r, 'NetworkInterfaceId')],
    ['Network border group', text(r, 'NetworkBorderGroup')],
  ],
};
