import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { addressLimitExceeded, invalidParameterValue, unsupportedOperation } from './errors';
import { insertAddress, listAddresses } from './state/addresses';
import { checkTagSpecifications, setTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** AWS's default quota of Elastic IPs per region. */
export const MAX_ADDRESSES_PER_REGION = 5;

export function AllocateAddress(ctx: Ctx, input: Ec2Input<'AllocateAddress'>): Ec2Output<'AllocateAddress'> {
  const domain = input.Domain ?? 'vpc';
  if (domain !== 'vpc' && domain !== 'standard') throw invalidParameterValue(`Invalid value '${domain}' for domain.`);
  if (domain === 'standard') throw unsupportedOperation('EC2-Classic addresses no longer exist; allocate with --domain vpc.');
  if (input.Address !== undefined || input.IpamPoolId !== undefined || input.CustomerOwnedIpv4Pool !== undefined)
    throw unsupportedOperation('Bringing your own addresses is not simulated in Nimbus Lab.');
  if (input.NetworkBorderGroup !== undefined && input.NetworkBorderGroup !== ctx.region)
    throw invalidParameterValue(`Invalid value '${input.NetworkBorderGroup}' for networkBorderGroup.`);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['elastic-ip']).get('elastic-ip') ?? [];
  if (listAddresses(ctx).length >= MAX_ADDRESSES_PER_REGION) throw addressLimitExceeded();
  checkDryRun(input);
  const a = insertAddress(ctx);
  if (tags.length > 0) setTags(ctx, a.allocation_id, tags);
  return { PublicIp: a.public_ip, AllocationId: a.allocation_id, PublicIpv4Pool: 'amazon', NetworkBorderGroup: ctx.region, Domain: 'vpc' };
}
