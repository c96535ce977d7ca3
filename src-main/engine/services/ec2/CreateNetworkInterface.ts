import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { checkInterfaceGroups } from './eni-groups';
import { invalidParameterCombination, unsupportedOperation } from './errors';
import { eniOutput } from './state/eni-views';
import { createNetworkInterface } from './state/network-interfaces';
import { getSubnet } from './state/subnets';
import { checkTagSpecifications, setTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** A standalone interface in a subnet, with its groups (the VPC's default group if none) and addresses. */
export function CreateNetworkInterface(ctx: Ctx, input: Ec2Input<'CreateNetworkInterface'>): Ec2Output<'CreateNetworkInterface'> {
  const subnet = getSubnet(ctx, input.SubnetId);
  if ((input.InterfaceType ?? 'interface') !== 'interface')
    throw unsupportedOperation(`Interfaces of type ${input.InterfaceType} are not simulated in Nimbus Lab.`);
  if (input.Ipv6AddressCount || input.Ipv6Addresses?.length || input.Ipv4Prefixes?.length || input.Ipv4PrefixCount || input.Ipv6Prefixes?.length || input.Ipv6PrefixCount)
    throw unsupportedOperation('IPv6 addresses and prefixes on interfaces are not simulated in Nimbus Lab.');
  const groupIds = checkInterfaceGroups(ctx, subnet.vpc_id, input.Groups);
  const listed = input.PrivateIpAddresses ?? [];
  const primaries = listed.filter((p) => p.Primary);
  if (primaries.length > 1) throw invalidParameterCombination('Only one primary private IP address can be specified.');
  const primary = input.PrivateIpAddress ?? primaries[0]?.PrivateIpAddress;
  if (input.PrivateIpAddress !== undefined && primaries.length === 1 && primaries[0]!.PrivateIpAddress !== input.PrivateIpAddress)
    throw invalidParameterCombination('The primary private IP address is specified twice with different values.');
  const secondaryIps = listed.filter((p) => !p.Primary && p.PrivateIpAddress !== undefined).map((p) => p.PrivateIpAddress!);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['network-interface']).get('network-interface') ?? [];
  checkDryRun(input);
  const eni = createNetworkInterface(ctx, {
    subnet,
    groupIds,
    privateIp: primary,
    secondaryIps,
    secondaryCount: input.SecondaryPrivateIpAddressCount,
    description: input.Description,
  });
  if (tags.length > 0) setTags(ctx, eni.eni_id, tags);
  return { NetworkInterface: { ...eniOutput(ctx, eni, tags), Status: 'pending' }, ClientToken: input.ClientToken };
}
