/**
 * The target of a CreateRoute/ReplaceRoute: exactly one of an internet gateway attached to the
 * table's VPC, a NAT gateway, an instance (through its primary interface) or an interface, all in
 * the same VPC. Destinations inside the VPC's block may only point at an interface or instance.
 */
import type { Ctx } from '../../core/provider';
import { cidrsOverlap, parseCidr } from '../../network/cidr';
import {
  invalidCidrBlock,
  invalidInstanceIdNotFound,
  invalidInternetGatewayIdNotFound,
  routeDestinationOutsideVpcOverlap,
  routeNeedsDestination,
  routeNeedsOneTarget,
  routeTargetInOtherNetwork,
  unsupportedOperation,
} from './errors';
import { getInternetGateway } from './state/internet-gateways';
import { instanceInfo } from './state/instance-lookup';
import { getNatGateway } from './state/nat-gateways';
import { enisOfInstance, getEni } from './state/network-interfaces';
import type { RouteRow, RouteTableRow } from './state/route-tables';
import { findVpc } from './state/vpcs';

export interface RouteInput {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  VpcEndpointId?: string;
  CoreNetworkArn?: string;
}

export function checkDestination(input: RouteInput): string {
  if (input.DestinationCidrBlock === undefined) {
    if (input.DestinationIpv6CidrBlock !== undefined || input.DestinationPrefixListId !== undefined)
      throw unsupportedOperation('IPv6 and prefix-list route destinations are not simulated in Nimbus Lab.');
    throw routeNeedsDestination();
  }
  const parsed = parseCidr(input.DestinationCidrBlock);
  if (!parsed) throw invalidCidrBlock('destinationCidrBlock', input.DestinationCidrBlock);
  return parsed.text;
}

export function resolveRouteTarget(ctx: Ctx, rtb: RouteTableRow, destination: string, input: RouteInput): Omit<RouteRow, 'origin'> {
  const unsupported = [
    input.VpcPeeringConnectionId,
    input.TransitGatewayId,
    input.EgressOnlyInternetGatewayId,
    input.LocalGatewayId,
    input.CarrierGatewayId,
    input.VpcEndpointId,
    input.CoreNetworkArn,
  ].some((v) => v !== undefined);
  const targets = [input.GatewayId, input.NatGatewayId, input.InstanceId, input.NetworkInterfaceId].filter((v) => v !== undefined);
  if (unsupported && targets.length === 0)
    throw unsupportedOperation('Peering, transit, egress-only, local, carrier and endpoint route targets are not simulated in Nimbus Lab.');
  if (targets.length !== 1 || unsupported) throw routeNeedsOneTarget();
  const base = { rtb_id: rtb.rtb_id, destination_cidr: destination, gateway_id: null, nat_gateway_id: null, instance_id: null, network_interface_id: null };
  const vpc = findVpc(ctx, rtb.vpc_id)!;
  const insideVpc = cidrsOverlap(parseCidr(destination)!, parseCidr(vpc.cidr_block)!) && parseCidr(destination)!.prefix >= parseCidr(vpc.cidr_block)!.prefix;
  if (input.GatewayId !== undefined) {
    if (!input.GatewayId.startsWith('igw-')) throw invalidInternetGatewayIdNotFound(input.GatewayId);
    const igw = getInternetGateway(ctx, input.GatewayId);
    if (igw.vpc_id !== rtb.vpc_id) throw routeTargetInOtherNetwork(rtb.rtb_id, igw.igw_id);
    if (insideVpc) throw routeDestinationOutsideVpcOverlap(destination, vpc.cidr_block);
    return { ...base, gateway_id: igw.igw_id };
  }
  if (input.NatGatewayId !== undefined) {
    const nat = getNatGateway(ctx, input.NatGatewayId);
    if (nat.vpc_id !== rtb.vpc_id) throw routeTargetInOtherNetwork(rtb.rtb_id, nat.nat_id);
    if (insideVpc) throw routeDestinationOutsideVpcOverlap(destination, vpc.cidr_block);
    return { ...base, nat_gateway_id: nat.nat_id };
  }
  if (input.InstanceId !== undefined) {
    const inst = instanceInfo(ctx, input.InstanceId);
    if (!inst || inst.state === 'terminated') throw invalidInstanceIdNotFound([input.InstanceId]);
    if (inst.vpcId !== rtb.vpc_id) throw routeTargetInOtherNetwork(rtb.rtb_id, inst.instanceId);
    const eni = enisOfInstance(ctx, inst.instanceId).find((e) => e.device_index === 0);
    return { ...base, instance_id: inst.instanceId, network_interface_id: eni?.eni_id ?? null };
  }
  const eni = getEni(ctx, input.NetworkInterfaceId!);
  if (eni.vpc_id !== rtb.vpc_id) throw routeTargetInOtherNetwork(rtb.rtb_id, eni.eni_id);
  return { ...base, network_interface_id: eni.eni_id, instance_id: eni.instance_id };
}
