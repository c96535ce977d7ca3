/** The Security Groups page (§3.1.1, §6.4): list, create, delete; rules are edited in SecurityGroupRulesPanel. */
import { list, text } from '../aws/json';
import { vpcOptions } from './options';
import type { ResourcePage, Values } from './types';

const str = (v: Values, k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');

export const securityGroupsPage: ResourcePage = {
  title: 'Security Groups',
  noun: 'security group',
  area: 'EC2',
  description: 'Virtual firewalls: a group allows the traffic its rules name and denies everything else (§6.4).',
  describe: { operation: 'DescribeSecurityGroups', rows: (o) => list(o, 'SecurityGroups') },
  idPath: 'GroupId',
  columns: [
    { title: 'Security group ID', value: 'GroupId', link: true },
    { title: 'Security group name', value: 'GroupName' },
    { title: 'VPC ID', value: 'VpcId' },
    { title: 'Description', value: 'Description' },
    { title: 'Owner', value: 'OwnerId' },
    { title: 'Inbound rules count', value: (r) => `${list(r, 'IpPermissions').length} Permission entries` },
    { title: 'Outbound rules count', value: (r) => `${list(r, 'IpPermissionsEgress').length} Permission entries` },
  ],
  watch: [
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'UpdateSecurityGroupRuleDescriptionsIngress',
  ],
  create: {
    label: 'Create security group',
    fields: [
      { key: 'GroupName', label: 'Security group name', type: 'text', placeholder: 'webserver' },
      { key: 'Description', label: 'Description', type: 'text', placeholder: 'Allows SSH and HTTP' },
      { key: 'VpcId', label: 'VPC', type: 'select', options: vpcOptions },
    ],
    async run(call, v) {
      const out = await call('ec2', 'CreateSecurityGroup', { GroupName: str(v, 'GroupName'), Description: str(v, 'Description'), VpcId: str(v, 'VpcId') });
      return { message: `Security group (${text(out, 'GroupId')} | ${str(v, 'GroupName')}) was created successfully. Add its inbound rules below.` };
    },
  },
  actions: [
    {
      label: 'Delete security groups',
      enabled: (r) => text(r, 'GroupName') !== 'default',
      confirm: {
        title: 'Delete security groups',
        text: (r) => `Delete ${text(r, 'GroupId')} (${text(r, 'GroupName')})? Groups used by instances or network interfaces cannot be deleted.`,
        typeToConfirm: 'delete',
        button: 'Delete',
      },
      async run(call, _v, row) {
        await call('ec2', 'DeleteSecurityGroup', { GroupId: text(row, 'GroupId') });
        return { message: `Security group ${text(row, 'GroupId')} was deleted.` };
      },
    },
  ],
  details: (r) => [
    ['Security group name', text(r, 'GroupName')],
    ['Security group ID', text(r, 'GroupId')],
    ['Description', text(r, 'Description')],
    ['VPC ID', text(r, 'VpcId')],
    ['Owner', text(r, 'OwnerId')],
    ['Inbound rules count', `${list(r, 'IpPermissions').length} Permission entries`],
    ['Outbound rules count', `${list(r, 'IpPermissionsEgress').length} Permission entries`],
  ],
};
