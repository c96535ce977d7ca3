import type { Ctx } from '../../core/provider';
import { addressesNotOnInterface, cannotUnassignPrimaryIp, missingParameter, unsupportedOperation } from './errors';
import { addressOnPrivateIp, disassociate } from './state/addresses';
import { getEni, privateIpsOf, removePrivateIp } from './state/network-interfaces';
import type { Ec2Input, Ec2Output } from './types';

/** Secondary addresses only; an Elastic IP on one of them is disassociated with it. */
export function UnassignPrivateIpAddresses(ctx: Ctx, input: Ec2Input<'UnassignPrivateIpAddresses'>): Ec2Output<'UnassignPrivateIpAddresses'> {
  const eni = getEni(ctx, input.NetworkInterfaceId);
  if (input.Ipv4Prefixes?.length) throw unsupportedOperation('IPv4 prefixes are not simulated in Nimbus Lab.');
  const named = input.PrivateIpAddresses ?? [];
  if (named.length === 0) throw missingParameter('privateIpAddress');
  const mine = privateIpsOf(ctx, eni.eni_id);
  for (const ip of named) {
    const found = mine.find((p) => p.private_ip === ip);
    if (!found) throw addressesNotOnInterface(eni.eni_id);
    if (found.is_primary === 1) throw cannotUnassignPrimaryIp(ip);
  }
  for (const ip of named) {
    const eip = addressOnPrivateIp(ctx, eni.eni_id, ip);
    if (eip) disassociate(ctx, eip.allocation_id);
    removePrivateIp(ctx, eni.eni_id, ip);
  }
  return {};
}
