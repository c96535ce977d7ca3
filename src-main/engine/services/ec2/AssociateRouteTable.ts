import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { missingParameter, routeTableAndSubnetDifferentVpcs, routeTableAssociationConflict, unsupportedOperation } from './errors';
import { associateSubnet, getRouteTable, subnetAssociation } from './state/route-tables';
import { getSubnet } from './state/subnets';
import type { Ec2Input, Ec2Output } from './types';

/** Gives a subnet its own route table instead of the VPC's main one (one explicit table per subnet). */
export function AssociateRouteTable(ctx: Ctx, input: Ec2Input<'AssociateRouteTable'>): Ec2Output<'AssociateRouteTable'> {
  const rtb = getRouteTable(ctx, input.RouteTableId);
  if (input.GatewayId !== undefined) throw unsupportedOperation('Gateway route table associations are not simulated in Nimbus Lab.');
  if (input.SubnetId === undefined) throw missingParameter('subnetId');
  const subnet = getSubnet(ctx, input.SubnetId);
  if (subnet.vpc_id !== rtb.vpc_id) throw routeTableAndSubnetDifferentVpcs(rtb.rtb_id, subnet.subnet_id);
  if (subnetAssociation(ctx, subnet.subnet_id)) throw routeTableAssociationConflict(rtb.rtb_id);
  checkDryRun(input);
  const associationId = associateSubnet(ctx, rtb.rtb_id, subnet.subnet_id);
  return { AssociationId: associationId, AssociationState: { State: 'associated' } };
}
