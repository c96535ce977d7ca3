/** What IAM checks for each EC2 call (see core/iam-table.ts for the template syntax). */
import type { ServiceTable } from '../../core/iam-table';

const ec2 = (type: string, member: string, account = '${Account}') => `arn:\${Partition}:ec2:\${Region}:${account}:${type}/\${${member}}`;

export const ec2IamTable: ServiceTable = {
  prefix: 'ec2',
  starPrefixes: ['Describe', 'Get', 'Create', 'Allocate', 'Import', 'Request'],
  resources: {
    RunInstances: [
      'arn:${Partition}:ec2:${Region}:${Account}:instance/*',
      'arn:${Partition}:ec2:${Region}::image/${ImageId}',
      ec2('subnet', 'SubnetId'),
      ec2('security-group', 'SecurityGroupIds[]'),
      ec2('key-pair', 'KeyName'),
    ],
  },
  members: {
    InstanceId: ec2('instance', 'InstanceId'),
    InstanceIds: ec2('instance', 'InstanceIds[]'),
    VolumeId: ec2('volume', 'VolumeId'),
    VolumeIds: ec2('volume', 'VolumeIds[]'),
    SnapshotId: ec2('snapshot', 'SnapshotId'),
    ImageId: 'arn:${Partition}:ec2:${Region}::image/${ImageId}',
    GroupId: ec2('security-group', 'GroupId'),
    SubnetId: ec2('subnet', 'SubnetId'),
    VpcId: ec2('vpc', 'VpcId'),
    KeyName: ec2('key-pair', 'KeyName'),
    NetworkInterfaceId: ec2('network-interface', 'NetworkInterfaceId'),
    AllocationId: ec2('elastic-ip', 'AllocationId'),
    InternetGatewayId: ec2('internet-gateway', 'InternetGatewayId'),
    RouteTableId: ec2('route-table', 'RouteTableId'),
    NetworkAclId: ec2('network-acl', 'NetworkAclId'),
    NatGatewayId: ec2('natgateway', 'NatGatewayId'),
    SpotInstanceRequestIds: ec2('spot-instances-request', 'SpotInstanceRequestIds[]'),
  },
};
