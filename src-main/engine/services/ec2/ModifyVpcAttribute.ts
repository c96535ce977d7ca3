import type { Ctx } from '../../core/provider';
import { dnsHostnamesNeedDnsSupport, invalidVpcAttributeCombination, missingParameter } from './errors';
import { getVpc, setVpcAttribute } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** One attribute per call, as AWS requires; DNS hostnames need DNS resolution. */
export function ModifyVpcAttribute(ctx: Ctx, input: Ec2Input<'ModifyVpcAttribute'>): Ec2Output<'ModifyVpcAttribute'> {
  const vpc = getVpc(ctx, input.VpcId);
  const given = [
    ['enable_dns_support', input.EnableDnsSupport],
    ['enable_dns_hostnames', input.EnableDnsHostnames],
    ['enable_nau_metrics', input.EnableNetworkAddressUsageMetrics],
  ].filter(([, v]) => v !== undefined) as [Parameters<typeof setVpcAttribute>[2], { Value?: boolean }][];
  if (given.length === 0) throw missingParameter('enableDnsSupport, enableDnsHostnames or enableNetworkAddressUsageMetrics');
  if (given.length > 1) throw invalidVpcAttributeCombination();
  const [column, attr] = given[0]!;
  if (attr.Value === undefined) throw missingParameter('value');
  if (column === 'enable_dns_hostnames' && attr.Value && vpc.enable_dns_support !== 1) throw dnsHostnamesNeedDnsSupport();
  setVpcAttribute(ctx, vpc.vpc_id, column, attr.Value);
  return {};
}
