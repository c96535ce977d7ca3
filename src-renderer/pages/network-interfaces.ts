/** The Network Interfaces page (§3.7): create, attach, detach, delete elastic network interfaces. */
import { compact, list, text } from '../aws/json';
import { instanceOptions, securityGroupOptions, subnetOptions } from './options';
import type { ResourcePage, Values } from './types';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');

export const networkInterfacesPage: ResourcePage = {
  title: 'Network interfaces',
  noun: 'network interface',
  area: 'EC2',
  description: 'Virtual network cards: a private IP in a subnet, security groups, and optionally a public address (§3.7).',
  describe: { operation: 'DescribeNetworkInterfaces', rows: (o) => list(o, 'NetworkInterfaces') },
  idPath: 'NetworkInterfaceId',
  columns: [
    { title: 'Network interface ID', value: 'NetworkInterfaceId', link: true },
    { title: 'Subnet ID', value: 'SubnetId' },
    { title: 'VPC ID', value: 'VpcId' },
    { title: 'Availability Zone', value: 'AvailabilityZone' },
    { title: 'Security groups', value: (r) => list(r, 'Groups').map((g) => text(g, 'GroupName')).join(', ') },
    { title: 'Description', value: 'Description' },
    { title: 'Instance ID', value: 'Attachment.InstanceId' },
    { title: 'Status', value: 'Status', state: true },
    { title: 'Public IPv4 address', value: 'Association.PublicIp' },
    { title: 'Primary private IPv4 address', value: 'PrivateIpAddress' },
  ],
  transitional: (r) => ['attaching', 'detaching'].includes(text(r, 'Attachment.Status')),
  watch: ['CreateNetworkInterface', 'DeleteNetworkInterface', 'AttachNetworkInterface', 'DetachNetworkInterface', 'RunInstances', 'TerminateInstances', 'AssociateAddress', 'DisassociateAddress'],
  create: {
    label: 'Create network interface',
    fields: [
      { key: 'Description', label: 'Description', type: 'text', optional: true },
      { key: 'SubnetId', label: 'Subnet', type: 'select', options: subnetOptions },
      { key: 'PrivateIpAddress', label: 'Private IPv4 address', type: 'text', optional: true, help: 'Empty: auto-assign.' },
      { key: 'Group', label: 'Security groups', type: 'select', optional: true, options: securityGroupOptions },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateNetworkInterface', compact({
        SubnetId: str(v, 'SubnetId'),
        Description: str(v, 'Description'),
        PrivateIpAddress: str(v, 'PrivateIpAddress'),
        Groups: str(v, 'Group') ? [str(v, 'Group')] : undefined,
      }));
      return { message: `Successfully created network interface ${text(out, 'NetworkInterface.NetworkInterfaceId')}.` };
    },
  },
  actions: [
    {
      label: 'Attach',
      enabled: (r) => text(r, 'Status') === 'available',
      fields: [
        { key: 'InstanceId', label: 'Instance', type: 'select', options: (call) => instanceOptions(call, ['running', 'stopped']) },
        { key: 'DeviceIndex', label: 'Device index', type: 'number', initial: 1 },
      ],
      async run(call, v, row) {
        await call('ec2', 'AttachNetworkInterface', { NetworkInterfaceId: text(row, 'NetworkInterfaceId'), InstanceId: str(v, 'InstanceId'), DeviceIndex: typeof v.DeviceIndex === 'number' ? v.DeviceIndex : 1 });
        return { message: `Network interface ${text(row, 'NetworkInterfaceId')} attached to ${str(v, 'InstanceId')}.` };
      },
    },
    {
      label: 'Detach',
      enabled: (r) => text(r, 'Status') === 'in-use' && text(r, 'Attachment.DeviceIndex') !== '0',
      confirm: { title: 'Detach network interface', text: (r) => `Detach ${text(r, 'NetworkInterfaceId')} from ${text(r, 'Attachment.InstanceId')}?`, button: 'Detach' },
      async run(call, _v, row) {
        await call('ec2', 'DetachNetworkInterface', { AttachmentId: text(row, 'Attachment.AttachmentId') });
        return { message: `Network interface ${text(row, 'NetworkInterfaceId')} detached.` };
      },
    },
    {
      label: 'Delete',
      enabled: (r) => text(r, 'Status') === 'available',
      confirm: { title: 'Delete network interface', text: (r) => `Delete ${text(r, 'NetworkInterfaceId')}?`, typeToConfirm: 'delete', button: 'Delete' },
      async run(call, _v, row) {
        await call('ec2', 'DeleteNetworkInterface', { NetworkInterfaceId: text(row, 'NetworkInterfaceId') });
        return { message: `Successfully deleted network interface ${text(row, 'NetworkInterfaceId')}.` };
      },
    },
  ],
  details: (r) => [
    ['Network interface ID', text(r, 'NetworkInterfaceId')],
    ['Description', text(r, 'Description')],
    ['Status', text(r, 'Status')],
    ['Interface type', text(r, 'InterfaceType')],
    ['Subnet ID', text(r, 'SubnetId')],
    ['VPC ID', text(r, 'VpcId')],
    ['Private IPv4 address', text(r, 'PrivateIpAddress')],
    ['Private IPv4 DNS', text(r, 'PrivateDnsName')],
    ['Public IPv4 address', text(r, 'Association.PublicIp')],
    ['MAC address', text(r, 'MacAddress')],
    ['Source/dest. check', String(r.SourceDestCheck ?? '')],
    ['Attachment', text(r, 'Attachment.AttachmentId')],
  ],
};

