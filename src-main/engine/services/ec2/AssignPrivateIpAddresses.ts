import type { Ctx } from '../../core/provider';
import { invalidParameterCombination, missingParameter, privateIpInUse, unsupportedOperation } from './errors';
import { addPrivateIp, getEni, removePrivateIp } from './state/network-interfaces';
import { findSubnet } from './state/subnets';
import type { Ec2Input, Ec2Output } from './types';

/** Secondary private addresses, named or counted; AllowReassignment takes a named one from another interface. */
export function AssignPrivateIpAddresses(ctx: Ctx, input: Ec2Input<'AssignPrivateIpAddresses'>): Ec2Output<'AssignPrivateIpAddresses'> {
  const eni = getEni(ctx, input.NetworkInterfaceId);
  if (input.Ipv4Prefixes?.length || input.Ipv4PrefixCount) throw unsupportedOperation('IPv4 prefixes are not simulated in Nimbus Lab.');
  const named = input.PrivateIpAddresses ?? [];
  const count = input.SecondaryPrivateIpAddressCount ?? 0;
  if (named.length === 0 && count === 0) throw missingParameter('privateIpAddress or secondaryPrivateIpAddressCount');
  if (named.length > 0 && count > 0)
    throw invalidParameterCombination('The parameter privateIpAddress cannot be used with the parameter secondaryPrivateIpAddressCount');
  const subnet = findSubnet(ctx, eni.subnet_id)!;
  const assigned: string[] = [];
  for (const ip of named) {
    const holder = ctx.store
      .stmt('SELECT eni_id, is_primary FROM ec2_eni_private_ips WHERE subnet_id = ? AND private_ip = ?')
      .get(subnet.subnet_id, ip) as { eni_id: string; is_primary: number } | undefined;
    if (holder && holder.eni_id === eni.eni_id) continue;
    if (holder && (!input.AllowReassignment || holder.is_primary === 1)) throw privateIpInUse(ip);
    if (holder) removePrivateIp(ctx, holder.eni_id, ip);
    assigned.push(addPrivateIp(ctx, eni, subnet, ip, false));
  }
  for (let i = 0; i < count; i++) assigned.push(addPrivateIp(ctx, eni, subnet, undefined, false));
  return { NetworkInterfaceId: eni.eni_id, AssignedPrivateIpAddresses: assigned.map((ip) => ({ PrivateIpAddress: ip })) };
}
