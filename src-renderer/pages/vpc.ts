/** The VPC console's list pages, as data for ResourceListPage (§6.5 builds a VPC like these). */
import { compact, list, tag, text, when, type Row } from '../aws/json';
import { internetGatewayOptions, subnetOptions, vpcOptions, zoneOptions } from './options';
import type { Action, ResourcePage, Values } from './types';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
const nameField = { key: 'Name', label: 'Name tag', type: 'text', optional: true } as const;
const nameTag = (resourceType: string, v: Values) =>
  str(v, 'Name') ? [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: str(v, 'Name') }] }] : undefined;
const yesNo = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : '');

function deleteAction(noun: string, idPath: string, operation: string, enabled?: (r: Row) => boolean): Action {
  return {
    label: `Delete ${noun}`,
    enabled,
    confirm: { title: `Delete ${noun}`, text: (r) => `Delete ${text(r, idPath)}? This cannot be undone.`, typeToConfirm: 'delete', button: 'Delete' },
    async run(call, _v, row) {
      await call('ec2', operation, { [idPath]: text(row, idPath) });
      return { message: `Successfully deleted ${noun} ${text(row, idPath)}.` };
    },
  };
}

export const vpcsPage: ResourcePage = {
  title: 'Your VPCs',
  noun: 'VPC',
  area: 'VPC',
  description: 'A virtual private cloud: your own private network in a region, split into subnets (§6.5).',
  describe: { operation: 'DescribeVpcs', rows: (o) => list(o, 'Vpcs') },
  idPath: 'VpcId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'VPC ID', value: 'VpcId', link: true },
    { title: 'State', value: 'State', state: true },
    { title: 'IPv4 CIDR', value: 'CidrBlock' },
    { title: 'DHCP option set', value: 'DhcpOptionsId' },
    { title: 'Tenancy', value: 'InstanceTenancy' },
    { title: 'Default VPC', value: (r) => yesNo(r.IsDefault) },
  ],
  transitional: (r) => text(r, 'State') === 'pending',
  watch: ['CreateVpc', 'DeleteVpc', 'CreateDefaultVpc', 'CreateTags'],
  create: {
    label: 'Create VPC',
    fields: [nameField, { key: 'CidrBlock', label: 'IPv4 CIDR', type: 'text', initial: '10.0.0.0/16' }],
    async run(call, v) {
      const out = await call('ec2', 'CreateVpc', compact({ CidrBlock: str(v, 'CidrBlock'), TagSpecifications: nameTag('vpc', v) }));
      return { message: `You successfully created ${text(out, 'Vpc.VpcId')}.` };
    },
  },
  actions: [deleteAction('VPC', 'VpcId', 'DeleteVpc')],
  details: (r) => [
    ['VPC ID', text(r, 'VpcId')],
    ['State', text(r, 'State')],
    ['IPv4 CIDR', text(r, 'CidrBlock')],
    ['Tenancy', text(r, 'InstanceTenancy')],
    ['DHCP option set', text(r, 'DhcpOptionsId')],
    ['Default VPC', yesNo(r.IsDefault)],
    ['Owner ID', text(r, 'OwnerId')],
  ],
};

export const subnetsPage: ResourcePage = {
  title: 'Subnets',
  noun: 'subnet',
  area: 'VPC',
  describe: { operation: 'DescribeSubnets', rows: (o) => list(o, 'Subnets') },
  idPath: 'SubnetId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Subnet ID', value: 'SubnetId', link: true },
    { title: 'State', value: 'State', state: true },
    { title: 'VPC', value: 'VpcId' },
    { title: 'IPv4 CIDR', value: 'CidrBlock' },
    { title: 'Available IPv4 addresses', value: 'AvailableIpAddressCount' },
    { title: 'Availability Zone', value: 'AvailabilityZone' },
    { title: 'Default subnet', value: (r) => yesNo(r.DefaultForAz) },
    { title: 'Auto-assign public IPv4 address', value: (r) => yesNo(r.MapPublicIpOnLaunch) },
  ],
  transitional: (r) => text(r, 'State') === 'pending',
  watch: ['CreateSubnet', 'DeleteSubnet', 'ModifySubnetAttribute', 'CreateTags', 'RunInstances', 'TerminateInstances'],
  create: {
    label: 'Create subnet',
    fields: [
      { key: 'VpcId', label: 'VPC ID', type: 'select', options: vpcOptions },
      nameField,
      { key: 'AvailabilityZone', label: 'Availability Zone', type: 'select', optional: true, options: zoneOptions },
      { key: 'CidrBlock', label: 'IPv4 subnet CIDR block', type: 'text', placeholder: '10.0.1.0/24' },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateSubnet', compact({
        VpcId: str(v, 'VpcId'),
        CidrBlock: str(v, 'CidrBlock'),
        AvailabilityZone: str(v, 'AvailabilityZone'),
        TagSpecifications: nameTag('subnet', v),
      }));
      return { message: `You have successfully created subnet ${text(out, 'Subnet.SubnetId')}.` };
    },
  },
  actions: [
    {
      label: 'Edit subnet settings',
      fields: [{ key: 'MapPublicIpOnLaunch', label: 'Auto-assign IP settings', type: 'checkbox', help: 'Enable auto-assign public IPv4 address' }],
      async run(call, v, row) {
        await call('ec2', 'ModifySubnetAttribute', { SubnetId: text(row, 'SubnetId'), MapPublicIpOnLaunch: { Value: v.MapPublicIpOnLaunch === true } });
        return { message: `Subnet settings of ${text(row, 'SubnetId')} saved.` };
      },
    },
    deleteAction('subnet', 'SubnetId', 'DeleteSubnet'),
  ],
  details: (r) => [
    ['Subnet ID', text(r, 'SubnetId')],
    ['Subnet ARN', text(r, 'SubnetArn')],
    ['State', text(r, 'State')],
    ['VPC', text(r, 'VpcId')],
    ['IPv4 CIDR', text(r, 'CidrBlock')],
    ['Available IPv4 addresses', text(r, 'AvailableIpAddressCount')],
    ['Availability Zone', text(r, 'AvailabilityZone')],
    ['Availability Zone ID', text(r, 'AvailabilityZoneId')],
    ['Default subnet', yesNo(r.DefaultForAz)],
    ['Auto-assign public IPv4 address', yesNo(r.MapPublicIpOnLaunch)],
  ],
};

const mainAssoc = (r: Row) => list(r, 'Associations').some((a) => a.Main === true);
const routeTarget = (r: Row) =>
  text(r, 'GatewayId') || text(r, 'NatGatewayId') || text(r, 'InstanceId') || text(r, 'NetworkInterfaceId') || text(r, 'VpcPeeringConnectionId');

export const routeTablesPage: ResourcePage = {
  title: 'Route tables',
  noun: 'route table',
  area: 'VPC',
  describe: { operation: 'DescribeRouteTables', rows: (o) => list(o, 'RouteTables') },
  idPath: 'RouteTableId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Route table ID', value: 'RouteTableId', link: true },
    { title: 'Explicit subnet associations', value: (r) => list(r, 'Associations').map((a) => text(a, 'SubnetId')).filter(Boolean).join(', ') },
    { title: 'Main', value: (r) => yesNo(mainAssoc(r)) },
    { title: 'VPC', value: 'VpcId' },
  ],
  watch: ['CreateRouteTable', 'DeleteRouteTable', 'CreateRoute', 'DeleteRoute', 'ReplaceRoute', 'AssociateRouteTable', 'DisassociateRouteTable'],
  create: {
    label: 'Create route table',
    fields: [nameField, { key: 'VpcId', label: 'VPC', type: 'select', options: vpcOptions }],
    async run(call, v) {
      const out = await call('ec2', 'CreateRouteTable', compact({ VpcId: str(v, 'VpcId'), TagSpecifications: nameTag('route-table', v) }));
      return { message: `Route table ${text(out, 'RouteTable.RouteTableId')} was created successfully.` };
    },
  },
  actions: [
    {
      label: 'Add route',
      fields: [
        { key: 'DestinationCidrBlock', label: 'Destination', type: 'text', initial: '0.0.0.0/0' },
        { key: 'GatewayId', label: 'Target', type: 'select', options: internetGatewayOptions, help: 'An internet gateway of the VPC.' },
      ],
      async run(call, v, row) {
        await call('ec2', 'CreateRoute', { RouteTableId: text(row, 'RouteTableId'), DestinationCidrBlock: str(v, 'DestinationCidrBlock'), GatewayId: str(v, 'GatewayId') });
        return { message: `Route to ${str(v, 'DestinationCidrBlock')} added to ${text(row, 'RouteTableId')}.` };
      },
    },
    {
      label: 'Delete route',
      fields: [{ key: 'DestinationCidrBlock', label: 'Destination', type: 'text', placeholder: '0.0.0.0/0' }],
      async run(call, v, row) {
        await call('ec2', 'DeleteRoute', { RouteTableId: text(row, 'RouteTableId'), DestinationCidrBlock: str(v, 'DestinationCidrBlock') });
        return { message: `Route to ${str(v, 'DestinationCidrBlock')} deleted from ${text(row, 'RouteTableId')}.` };
      },
    },
    {
      label: 'Edit subnet associations',
      fields: [{ key: 'SubnetId', label: 'Subnet', type: 'select', options: subnetOptions }],
      async run(call, v, row) {
        await call('ec2', 'AssociateRouteTable', { RouteTableId: text(row, 'RouteTableId'), SubnetId: str(v, 'SubnetId') });
        return { message: `${str(v, 'SubnetId')} now uses ${text(row, 'RouteTableId')}.` };
      },
    },
    deleteAction('route table', 'RouteTableId', 'DeleteRouteTable', (r) => !mainAssoc(r)),
  ],
  details: (r) => [
    ['Route table ID', text(r, 'RouteTableId')],
    ['Main', yesNo(mainAssoc(r))],
    ['VPC', text(r, 'VpcId')],
    ['Owner ID', text(r, 'OwnerId')],
  ],
  subTables: [
    {
      title: 'Routes',
      rows: (r) => list(r, 'Routes'),
      columns: [
        { title: 'Destination', value: 'DestinationCidrBlock' },
        { title: 'Target', value: routeTarget },
        { title: 'Status', value: 'State', state: true },
        { title: 'Propagated', value: (r) => yesNo(text(r, 'Origin') === 'EnableVgwRoutePropagation') },
      ],
    },
    {
      title: 'Subnet associations',
      rows: (r) => list(r, 'Associations'),
      columns: [
        { title: 'Association ID', value: 'RouteTableAssociationId' },
        { title: 'Subnet ID', value: (a) => text(a, 'SubnetId') || (a.Main === true ? '(main)' : '') },
        { title: 'State', value: 'AssociationState.State', state: true },
      ],
    },
  ],
};

const igwVpc = (r: Row) => text(list(r, 'Attachments')[0], 'VpcId');

export const internetGatewaysPage: ResourcePage = {
  title: 'Internet gateways',
  noun: 'internet gateway',
  area: 'VPC',
  describe: { operation: 'DescribeInternetGateways', rows: (o) => list(o, 'InternetGateways') },
  idPath: 'InternetGatewayId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Internet gateway ID', value: 'InternetGatewayId', link: true },
    { title: 'State', value: (r) => text(list(r, 'Attachments')[0], 'State') || 'detached', state: true },
    { title: 'VPC ID', value: igwVpc },
    { title: 'Owner', value: 'OwnerId' },
  ],
  watch: ['CreateInternetGateway', 'DeleteInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway'],
  create: {
    label: 'Create internet gateway',
    fields: [nameField],
    async run(call, v) {
      const out = await call('ec2', 'CreateInternetGateway', compact({ TagSpecifications: nameTag('internet-gateway', v) }));
      return { message: `The following internet gateway was created: ${text(out, 'InternetGateway.InternetGatewayId')}.` };
    },
  },
  actions: [
    {
      label: 'Attach to VPC',
      enabled: (r) => !igwVpc(r),
      fields: [{ key: 'VpcId', label: 'Available VPCs', type: 'select', options: vpcOptions }],
      async run(call, v, row) {
        await call('ec2', 'AttachInternetGateway', { InternetGatewayId: text(row, 'InternetGatewayId'), VpcId: str(v, 'VpcId') });
        return { message: `Internet gateway ${text(row, 'InternetGatewayId')} attached to ${str(v, 'VpcId')}.` };
      },
    },
    {
      label: 'Detach from VPC',
      enabled: (r) => !!igwVpc(r),
      confirm: { title: 'Detach from VPC', text: (r) => `Detach ${text(r, 'InternetGatewayId')} from ${igwVpc(r ?? {})}? Its subnets lose their way to the internet.`, typeToConfirm: 'detach', button: 'Detach internet gateway' },
      async run(call, _v, row) {
        await call('ec2', 'DetachInternetGateway', { InternetGatewayId: text(row, 'InternetGatewayId'), VpcId: igwVpc(row ?? {}) });
        return { message: `Internet gateway ${text(row, 'InternetGatewayId')} detached.` };
      },
    },
    deleteAction('internet gateway', 'InternetGatewayId', 'DeleteInternetGateway', (r) => !igwVpc(r)),
  ],
  details: (r) => [
    ['Internet gateway ID', text(r, 'InternetGatewayId')],
    ['State', text(list(r, 'Attachments')[0], 'State') || 'detached'],
    ['VPC ID', igwVpc(r)],
    ['Owner', text(r, 'OwnerId')],
  ],
};

export const natGatewaysPage: ResourcePage = {
  title: 'NAT gateways',
  noun: 'NAT gateway',
  area: 'VPC',
  description: 'Lets instances in private subnets reach the internet without being reachable from it (§6.5).',
  describe: { operation: 'DescribeNatGateways', rows: (o) => list(o, 'NatGateways') },
  idPath: 'NatGatewayId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'NAT gateway ID', value: 'NatGatewayId', link: true },
    { title: 'State', value: 'State', state: true },
    { title: 'Primary public IPv4 address', value: (r) => text(list(r, 'NatGatewayAddresses')[0], 'PublicIp') },
    { title: 'Primary private IPv4 address', value: (r) => text(list(r, 'NatGatewayAddresses')[0], 'PrivateIp') },
    { title: 'VPC', value: 'VpcId' },
    { title: 'Subnet', value: 'SubnetId' },
    { title: 'Created', value: (r) => when(text(r, 'CreateTime')) },
  ],
  transitional: (r) => ['pending', 'deleting'].includes(text(r, 'State')),
  watch: ['CreateNatGateway', 'DeleteNatGateway'],
  create: {
    label: 'Create NAT gateway',
    fields: [
      nameField,
      { key: 'SubnetId', label: 'Subnet', type: 'select', options: subnetOptions },
      { key: 'AllocationId', label: 'Elastic IP allocation ID', type: 'text', placeholder: 'eipalloc-…' },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateNatGateway', compact({ SubnetId: str(v, 'SubnetId'), AllocationId: str(v, 'AllocationId'), TagSpecifications: nameTag('natgateway', v) }));
      return { message: `NAT gateway ${text(out, 'NatGateway.NatGatewayId')} was created successfully.` };
    },
  },
  actions: [deleteAction('NAT gateway', 'NatGatewayId', 'DeleteNatGateway', (r) => text(r, 'State') === 'available')],
  details: (r) => [
    ['NAT gateway ID', text(r, 'NatGatewayId')],
    ['State', text(r, 'State')],
    ['Connectivity type', text(r, 'ConnectivityType')],
    ['VPC', text(r, 'VpcId')],
    ['Subnet', text(r, 'SubnetId')],
    ['Created', when(text(r, 'CreateTime'))],
    ['Deleted', when(text(r, 'DeleteTime'))],
  ],
};

const aclEntries = (r: Row, egress: boolean) =>
  list(r, 'Entries')
    .filter((e) => e.Egress === egress)
    .sort((a, b) => Number(a.RuleNumber) - Number(b.RuleNumber));
const PROTOCOLS: Record<string, string> = { '-1': 'All', '6': 'TCP (6)', '17': 'UDP (17)', '1': 'ICMP (1)' };
const aclColumns = [
  { title: 'Rule number', value: (e: Row) => (text(e, 'RuleNumber') === '32767' ? '*' : text(e, 'RuleNumber')) },
  { title: 'Protocol', value: (e: Row) => PROTOCOLS[text(e, 'Protocol')] ?? text(e, 'Protocol') },
  { title: 'Port range', value: (e: Row) => (e.PortRange ? `${text(e, 'PortRange.From')} - ${text(e, 'PortRange.To')}` : 'All') },
  { title: 'Source / Destination', value: 'CidrBlock' },
  { title: 'Allow/Deny', value: (e: Row) => (text(e, 'RuleAction') === 'allow' ? 'Allow' : 'Deny') },
];

export const networkAclsPage: ResourcePage = {
  title: 'Network ACLs',
  noun: 'network ACL',
  area: 'VPC',
  description: 'Stateless subnet firewalls: rules are evaluated in number order, and return traffic needs its own rule (§6.5.3).',
  describe: { operation: 'DescribeNetworkAcls', rows: (o) => list(o, 'NetworkAcls') },
  idPath: 'NetworkAclId',
  columns: [
    { title: 'Name', value: (r) => tag(r, 'Name') },
    { title: 'Network ACL ID', value: 'NetworkAclId', link: true },
    { title: 'Associated with', value: (r) => `${list(r, 'Associations').length} subnets` },
    { title: 'Default', value: (r) => yesNo(r.IsDefault) },
    { title: 'VPC ID', value: 'VpcId' },
  ],
  watch: ['CreateNetworkAcl', 'DeleteNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'],
  create: {
    label: 'Create network ACL',
    fields: [nameField, { key: 'VpcId', label: 'VPC', type: 'select', options: vpcOptions }],
    async run(call, v) {
      const out = await call('ec2', 'CreateNetworkAcl', compact({ VpcId: str(v, 'VpcId'), TagSpecifications: nameTag('network-acl', v) }));
      return { message: `Network ACL ${text(out, 'NetworkAcl.NetworkAclId')} was created successfully.` };
    },
  },
  actions: [
    {
      label: 'Add rule',
      fields: [
        { key: 'Direction', label: 'Direction', type: 'select', initial: 'inbound', options: [{ value: 'inbound', label: 'Inbound' }, { value: 'outbound', label: 'Outbound' }] },
        { key: 'RuleNumber', label: 'Rule number', type: 'number', initial: 100 },
        { key: 'Protocol', label: 'Protocol', type: 'select', initial: '6', options: Object.entries(PROTOCOLS).map(([value, label]) => ({ value, label })) },
        { key: 'From', label: 'Port range from', type: 'number', optional: true, initial: 22 },
        { key: 'To', label: 'Port range to', type: 'number', optional: true, initial: 22 },
        { key: 'CidrBlock', label: 'Source / Destination', type: 'text', initial: '0.0.0.0/0' },
        { key: 'RuleAction', label: 'Allow/Deny', type: 'select', initial: 'allow', options: [{ value: 'allow', label: 'Allow' }, { value: 'deny', label: 'Deny' }] },
      ],
      async run(call, v, row) {
        const ports = ['6', '17'].includes(str(v, 'Protocol')) ? { From: Number(v.From), To: Number(v.To) } : undefined;
        await call('ec2', 'CreateNetworkAclEntry', compact({
          NetworkAclId: text(row, 'NetworkAclId'),
          RuleNumber: Number(v.RuleNumber),
          Protocol: str(v, 'Protocol'),
          RuleAction: str(v, 'RuleAction'),
          Egress: str(v, 'Direction') === 'outbound',
          CidrBlock: str(v, 'CidrBlock'),
          PortRange: ports,
        }));
        return { message: `Rule ${String(v.RuleNumber)} added to ${text(row, 'NetworkAclId')}.` };
      },
    },
    {
      label: 'Delete rule',
      fields: [
        { key: 'Direction', label: 'Direction', type: 'select', initial: 'inbound', options: [{ value: 'inbound', label: 'Inbound' }, { value: 'outbound', label: 'Outbound' }] },
        { key: 'RuleNumber', label: 'Rule number', type: 'number' },
      ],
      async run(call, v, row) {
        await call('ec2', 'DeleteNetworkAclEntry', { NetworkAclId: text(row, 'NetworkAclId'), RuleNumber: Number(v.RuleNumber), Egress: str(v, 'Direction') === 'outbound' });
        return { message: `Rule ${String(v.RuleNumber)} deleted from ${text(row, 'NetworkAclId')}.` };
      },
    },
    deleteAction('network ACL', 'NetworkAclId', 'DeleteNetworkAcl', (r) => r.IsDefault !== true),
  ],
  details: (r) => [
    ['Network ACL ID', text(r, 'NetworkAclId')],
    ['Default', yesNo(r.IsDefault)],
    ['VPC ID', text(r, 'VpcId')],
    ['Owner', text(r, 'OwnerId')],
  ],
  subTables: [
    { title: 'Inbound rules', rows: (r) => aclEntries(r, false), columns: aclColumns },
    { title: 'Outbound rules', rows: (r) => aclEntries(r, true), columns: aclColumns },
    {
      title: 'Subnet associations',
      rows: (r) => list(r, 'Associations'),
      columns: [
        { title: 'Association ID', value: 'NetworkAclAssociationId' },
        { title: 'Subnet ID', value: 'SubnetId' },
      ],
    },
  ],
};
