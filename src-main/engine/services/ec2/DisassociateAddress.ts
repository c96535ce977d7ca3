import type { Ctx } from '../../core/provider';
import { addressByIdOrIp, instanceIsUp } from './address-lookup';
import { checkDryRun } from './dry-run';
import { invalidAssociationIdNotFound, missingParameter } from './errors';
import { disassociate, findAddressByAssociation } from './state/addresses';
import { refreshAutoPublicIp } from './state/instance-networking';
import { findEni } from './state/network-interfaces';
import type { Ec2Input, Ec2Output } from './types';

/** The instance gets a new AWS public address back if its interface had one at launch. */
export function DisassociateAddress(ctx: Ctx, input: Ec2Input<'DisassociateAddress'>): Ec2Output<'DisassociateAddress'> {
  let address;
  if (input.AssociationId !== undefined) {
    address = findAddressByAssociation(ctx, input.AssociationId);
    if (!address) throw invalidAssociationIdNotFound(input.AssociationId);
  } else if (input.PublicIp !== undefined) {
    address = addressByIdOrIp(ctx, { PublicIp: input.PublicIp });
    if (!address.association_id) return {};
  } else throw missingParameter('associationId');
  checkDryRun(input);
  const eni = address.network_interface_id ? findEni(ctx, address.network_interface_id) : undefined;
  disassociate(ctx, address.allocation_id);
  if (eni) refreshAutoPublicIp(ctx, eni, instanceIsUp(ctx, eni.instance_id));
  return {};
}
