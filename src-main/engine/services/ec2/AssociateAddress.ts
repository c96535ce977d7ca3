import type { Ctx } from '../../core/provider';
import { addressByIdOrIp, instanceIsUp } from './address-lookup';
import { checkDryRun } from './dry-run';
import {
  addressAlreadyAssociated,
  associateAddressNeedsTarget,
  instanceHasNoNetworkInterface,
  invalidInstanceIdNotFound,
  invalidParameterCombination,
  privateIpNotOnInterface,
  vpcHasNoInternetGateway,
} from './errors';
import { addressOnPrivateIp, associate, disassociate } from './state/addresses';
import { refreshAutoPublicIp } from './state/instance-networking';
import { instanceInfo } from './state/instance-lookup';
import { enisOfInstance, findEni, getEni, primaryPrivateIp, privateIpsOf, type EniRow } from './state/network-interfaces';
import { internetGatewayOfVpc } from './state/internet-gateways';
import type { Ec2Input, Ec2Output } from './types';

function targetInterface(ctx: Ctx, input: Ec2Input<'AssociateAddress'>): EniRow {
  if (input.NetworkInterfaceId !== undefined) {
    const eni = getEni(ctx, input.NetworkInterfaceId);
    if (input.InstanceId !== undefined && eni.instance_id !== input.InstanceId)
      throw invalidParameterCombination(`The network interface ${eni.eni_id} is not attached to instance ${input.InstanceId}.`);
    return eni;
  }
  if (input.InstanceId === undefined) throw associateAddressNeedsTarget();
  const inst = instanceInfo(ctx, input.InstanceId);
  if (!inst || inst.state === 'terminated' || inst.state === 'shutting-down') throw invalidInstanceIdNotFound([input.InstanceId]);
  const eni = enisOfInstance(ctx, inst.instanceId).find((e) => e.device_index === 0);
  if (!eni) throw instanceHasNoNetworkInterface(inst.instanceId);
  return eni;
}

/**
 * Puts an Elastic IP on an instance's primary interface (or a named interface and private address).
 * The VPC needs an internet gateway. An address already in use moves only with AllowReassociation;
 * the instance's AWS-assigned public address is released while an Elastic IP replaces it.
 */
export function AssociateAddress(ctx: Ctx, input: Ec2Input<'AssociateAddress'>): Ec2Output<'AssociateAddress'> {
  const address = addressByIdOrIp(ctx, input);
  const eni = targetInterface(ctx, input);
  const privateIp = input.PrivateIpAddress ?? primaryPrivateIp(ctx, eni.eni_id)!;
  if (!privateIpsOf(ctx, eni.eni_id).some((p) => p.private_ip === privateIp)) throw privateIpNotOnInterface(privateIp, eni.eni_id);
  if (!internetGatewayOfVpc(ctx, eni.vpc_id)) throw vpcHasNoInternetGateway(eni.vpc_id);
  const allow = input.AllowReassociation === true;
  if (address.association_id && !allow && !(address.network_interface_id === eni.eni_id && address.private_ip === privateIp))
    throw addressAlreadyAssociated(address.allocation_id, address.association_id);
  const occupant = addressOnPrivateIp(ctx, eni.eni_id, privateIp);
  if (occupant && occupant.allocation_id !== address.allocation_id && !allow)
    throw addressAlreadyAssociated(occupant.allocation_id, occupant.association_id!);
  checkDryRun(input);
  if (address.association_id) {
    const previous = address.network_interface_id ? findEni(ctx, address.network_interface_id) : undefined;
    disassociate(ctx, address.allocation_id);
    if (previous) refreshAutoPublicIp(ctx, previous, instanceIsUp(ctx, previous.instance_id));
  }
  if (occupant && occupant.allocation_id !== address.allocation_id) disassociate(ctx, occupant.allocation_id);
  const associationId = associate(ctx, address.allocation_id, eni.eni_id, privateIp);
  refreshAutoPublicIp(ctx, findEni(ctx, eni.eni_id)!, instanceIsUp(ctx, eni.instance_id));
  return { AssociationId: associationId };
}
