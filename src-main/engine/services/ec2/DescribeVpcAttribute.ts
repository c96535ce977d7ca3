import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { unknownVpcAttribute } from './errors';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

export function DescribeVpcAttribute(ctx: Ctx, input: Ec2Input<'DescribeVpcAttribute'>): Ec2Output<'DescribeVpcAttribute'> {
  const vpc = getVpc(ctx, input.VpcId);
  checkDryRun(input);
  switch (input.Attribute) {
    case 'enableDnsSupport':
      return { VpcId: vpc.vpc_id, EnableDnsSupport: { Value: vpc.enable_dns_support === 1 } };
    case 'enableDnsHostnames':
      return { VpcId: vpc.vpc_id, EnableDnsHostnames: { Value: vpc.enable_dns_hostnames === 1 } };
    case 'enableNetworkAddressUsageMetrics':
      return { VpcId: vpc.vpc_id, EnableNetworkAddressUsageMetrics: { Value: vpc.enable_nau_metrics === 1 } };
    default:
      throw unknownVpcAttribute(input.Attribute);
  }
}
