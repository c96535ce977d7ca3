import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { networkInterfaceInUse } from './errors';
import { deleteEni, getEni } from './state/network-interfaces';
import type { Ec2Input, Ec2Output } from './types';

/** Attached interfaces, and the ones AWS manages for a NAT gateway, stay. */
export function DeleteNetworkInterface(ctx: Ctx, input: Ec2Input<'DeleteNetworkInterface'>): Ec2Output<'DeleteNetworkInterface'> {
  const eni = getEni(ctx, input.NetworkInterfaceId);
  if (eni.attachment_id || eni.requester_managed === 1) throw networkInterfaceInUse(eni.eni_id);
  checkDryRun(input);
  deleteEni(ctx, eni.eni_id);
  return {};
}
