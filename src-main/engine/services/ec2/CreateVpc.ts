import type { Ctx } from '../../core/provider';
import { parseCidr } from '../../network/cidr';
import { checkDryRun } from './dry-run';
import { invalidCidrBlock, invalidParameterValue, invalidVpcRange, missingParameter, vpcLimitExceeded } from './errors';
import { checkTagSpecifications, setTags } from './state/tags';
import { createVpc, listVpcs, vpcOutput } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** AWS's default quota of VPCs per region (the default VPC counts). */
export const MAX_VPCS_PER_REGION = 5;

export function checkVpcCidr(cidr: string | undefined): string {
  if (cidr === undefined || cidr === '') throw missingParameter('cidrBlock or ipv4IpamPoolId');
  const parsed = parseCidr(cidr);
  if (!parsed) throw invalidCidrBlock('cidrBlock', cidr);
  if (parsed.prefix < 16 || parsed.prefix > 28) throw invalidVpcRange(cidr);
  return parsed.text;
}

export function CreateVpc(ctx: Ctx, input: Ec2Input<'CreateVpc'>): Ec2Output<'CreateVpc'> {
  const cidr = checkVpcCidr(input.CidrBlock);
  const tenancy = input.InstanceTenancy ?? 'default';
  if (tenancy !== 'default' && tenancy !== 'dedicated')
    throw invalidParameterValue(`Value (${tenancy}) for parameter instanceTenancy is invalid. Valid values: default, dedicated`);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['vpc']).get('vpc') ?? [];
  if (listVpcs(ctx).length >= MAX_VPCS_PER_REGION) throw vpcLimitExceeded();
  checkDryRun(input);
  const vpc = createVpc(ctx, { cidr, isDefault: false, tenancy });
  if (tags.length > 0) setTags(ctx, vpc.vpc_id, tags);
  // A new VPC is 'pending' for a moment; Describe shows it available.
  return { Vpc: { ...vpcOutput(ctx, vpc, tags), State: 'pending' } };
}
