/** Choices for form fields, loaded through AWS calls when a dialog opens. */
import type { AwsCall } from '../composables/useAws';
import { list, tag, text } from '../aws/json';
import type { Option } from './types';

const named = (id: string, name: string): string => (name ? `${id} (${name})` : id);

export async function instanceOptions(call: AwsCall, states = ['pending', 'running', 'stopping', 'stopped']): Promise<Option[]> {
  const out = await call('ec2', 'DescribeInstances', { Filters: [{ Name: 'instance-state-name', Values: states }] });
  return list(out, 'Reservations')
    .flatMap((r) => list(r, 'Instances'))
    .map((i) => ({ value: text(i, 'InstanceId'), label: named(text(i, 'InstanceId'), tag(i, 'Name')) }));
}

export async function vpcOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeVpcs');
  return list(out, 'Vpcs').map((v) => ({
    value: text(v, 'VpcId'),
    label: named(text(v, 'VpcId'), tag(v, 'Name') || (v.IsDefault === true ? 'default' : '')) + ` ${text(v, 'CidrBlock')}`,
  }));
}

export async function subnetOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeSubnets');
  return list(out, 'Subnets').map((s) => ({
    value: text(s, 'SubnetId'),
    label: `${named(text(s, 'SubnetId'), tag(s, 'Name'))} · ${text(s, 'AvailabilityZone')} · ${text(s, 'CidrBlock')}`,
  }));
}

export async function zoneOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeAvailabilityZones');
  return list(out, 'AvailabilityZones').map((z) => ({ value: text(z, 'ZoneName'), label: text(z, 'ZoneName') }));
}

export async function securityGroupOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeSecurityGroups');
  return list(out, 'SecurityGroups').map((g) => ({
    value: text(g, 'GroupId'),
    label: `${text(g, 'GroupId')} (${text(g, 'GroupName')})`,
  }));
}

export async function networkInterfaceOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeNetworkInterfaces');
  return list(out, 'NetworkInterfaces').map((n) => ({
    value: text(n, 'NetworkInterfaceId'),
    label: `${text(n, 'NetworkInterfaceId')} · ${text(n, 'PrivateIpAddress')}`,
  }));
}

export async function internetGatewayOptions(call: AwsCall): Promise<Option[]> {
  const out = await call('ec2', 'DescribeInternetGateways');
  return list(out, 'InternetGateways').map((g) => ({ value: text(g, 'InternetGatewayId'), label: text(g, 'InternetGatewayId') }));
}

export const VOLUME_TYPES: Option[] = [
  { value: 'gp2', label: 'General Purpose SSD (gp2)' },
  { value: 'gp3', label: 'General Purpose SSD (gp3)' },
  { value: 'io1', label: 'Provisioned IOPS SSD (io1)' },
  { value: 'io2', label: 'Provisioned IOPS SSD (io2)' },
  { value: 'st1', label: 'Throughput Optimized HDD (st1)' },
  { value: 'sc1', label: 'Cold HDD (sc1)' },
  { value: 'standard', label: 'Magnetic (standard)' },
];
