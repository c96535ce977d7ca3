/**
 * The network half of EC2: its handler table, tables and start-up work. index.ts merges it with the
 * compute half (handlers-compute.ts).
 *
 * Every account has a default VPC in every region from the start; the lab creates it on the first
 * EC2 call that can see it (ensureDefaultVpc), inside that call's transaction.
 */
import type { Ctx, Handler } from '../../core/provider';
import type { Store } from '../../store/store';
import type { Clock } from '../../clock/clock';
import { ensureDefaultVpc } from './state/default-vpc';
import { AllocateAddress } from './AllocateAddress';
import { AssignPrivateIpAddresses } from './AssignPrivateIpAddresses';
import { AssociateAddress } from './AssociateAddress';
import { AssociateRouteTable } from './AssociateRouteTable';
import { AttachInternetGateway } from './AttachInternetGateway';
import { AttachNetworkInterface } from './AttachNetworkInterface';
import { AuthorizeSecurityGroupEgress } from './AuthorizeSecurityGroupEgress';
import { AuthorizeSecurityGroupIngress } from './AuthorizeSecurityGroupIngress';
import { CreateInternetGateway } from './CreateInternetGateway';
import { CreateNatGateway } from './CreateNatGateway';
import { CreateNetworkAcl } from './CreateNetworkAcl';
import { CreateNetworkAclEntry } from './CreateNetworkAclEntry';
import { CreateNetworkInterface } from './CreateNetworkInterface';
import { CreateRoute } from './CreateRoute';
import { CreateRouteTable } from './CreateRouteTable';
import { CreateSecurityGroup } from './CreateSecurityGroup';
import { CreateSubnet } from './CreateSubnet';
import { CreateTags } from './CreateTags';
import { CreateVpc } from './CreateVpc';
import { DeleteInternetGateway } from './DeleteInternetGateway';
import { DeleteNatGateway } from './DeleteNatGateway';
import { DeleteNetworkAcl } from './DeleteNetworkAcl';
import { DeleteNetworkAclEntry } from './DeleteNetworkAclEntry';
import { DeleteNetworkInterface } from './DeleteNetworkInterface';
import { DeleteRoute } from './DeleteRoute';
import { DeleteRouteTable } from './DeleteRouteTable';
import { DeleteSecurityGroup } from './DeleteSecurityGroup';
import { DeleteSubnet } from './DeleteSubnet';
import { DeleteTags } from './DeleteTags';
import { DeleteVpc } from './DeleteVpc';
import { DescribeAccountAttributes } from './DescribeAccountAttributes';
import { DescribeAddresses } from './DescribeAddresses';
import { DescribeAvailabilityZones } from './DescribeAvailabilityZones';
import { DescribeInternetGateways } from './DescribeInternetGateways';
import { DescribeNatGateways } from './DescribeNatGateways';
import { DescribeNetworkAcls } from './DescribeNetworkAcls';
import { DescribeNetworkInterfaces } from './DescribeNetworkInterfaces';
import { DescribeRegions } from './DescribeRegions';
import { DescribeRouteTables } from './DescribeRouteTables';
import { DescribeSecurityGroupRules } from './DescribeSecurityGroupRules';
import { DescribeSecurityGroups } from './DescribeSecurityGroups';
import { DescribeSubnets } from './DescribeSubnets';
import { DescribeTags } from './DescribeTags';
import { DescribeVpcAttribute } from './DescribeVpcAttribute';
import { DescribeVpcs } from './DescribeVpcs';
import { DetachInternetGateway } from './DetachInternetGateway';
import { DetachNetworkInterface } from './DetachNetworkInterface';
import { DisassociateAddress } from './DisassociateAddress';
import { DisassociateRouteTable } from './DisassociateRouteTable';
import { ModifyNetworkInterfaceAttribute } from './ModifyNetworkInterfaceAttribute';
import { ModifySubnetAttribute } from './ModifySubnetAttribute';
import { ModifyVpcAttribute } from './ModifyVpcAttribute';
import { ReleaseAddress } from './ReleaseAddress';
import { ReplaceNetworkAclAssociation } from './ReplaceNetworkAclAssociation';
import { ReplaceNetworkAclEntry } from './ReplaceNetworkAclEntry';
import { ReplaceRoute } from './ReplaceRoute';
import { RevokeSecurityGroupEgress } from './RevokeSecurityGroupEgress';
import { RevokeSecurityGroupIngress } from './RevokeSecurityGroupIngress';
import { UnassignPrivateIpAddresses } from './UnassignPrivateIpAddresses';

export { networkMigrations } from './migrations-network';

function withDefaultVpc<I, O>(handler: (ctx: Ctx, input: I) => O): (ctx: Ctx, input: I) => O {
  return (ctx, input) => {
    ensureDefaultVpc(ctx);
    return handler(ctx, input);
  };
}

export const networkHandlers: Record<string, Handler> = {
  AllocateAddress: withDefaultVpc(AllocateAddress),
  AssignPrivateIpAddresses: withDefaultVpc(AssignPrivateIpAddresses),
  AssociateAddress: withDefaultVpc(AssociateAddress),
  AssociateRouteTable: withDefaultVpc(AssociateRouteTable),
  AttachInternetGateway: withDefaultVpc(AttachInternetGateway),
  AttachNetworkInterface: withDefaultVpc(AttachNetworkInterface),
  AuthorizeSecurityGroupEgress: withDefaultVpc(AuthorizeSecurityGroupEgress),
  AuthorizeSecurityGroupIngress: withDefaultVpc(AuthorizeSecurityGroupIngress),
  CreateInternetGateway: withDefaultVpc(CreateInternetGateway),
  CreateNatGateway: withDefaultVpc(CreateNatGateway),
  CreateNetworkAcl: withDefaultVpc(CreateNetworkAcl),
  CreateNetworkAclEntry: withDefaultVpc(CreateNetworkAclEntry),
  CreateNetworkInterface: withDefaultVpc(CreateNetworkInterface),
  CreateRoute: withDefaultVpc(CreateRoute),
  CreateRouteTable: withDefaultVpc(CreateRouteTable),
  CreateSecurityGroup: withDefaultVpc(CreateSecurityGroup),
  CreateSubnet: withDefaultVpc(CreateSubnet),
  CreateTags: withDefaultVpc(CreateTags),
  CreateVpc: withDefaultVpc(CreateVpc),
  DeleteInternetGateway: withDefaultVpc(DeleteInternetGateway),
  DeleteNatGateway: withDefaultVpc(DeleteNatGateway),
  DeleteNetworkAcl: withDefaultVpc(DeleteNetworkAcl),
  DeleteNetworkAclEntry: withDefaultVpc(DeleteNetworkAclEntry),
  DeleteNetworkInterface: withDefaultVpc(DeleteNetworkInterface),
  DeleteRoute: withDefaultVpc(DeleteRoute),
  DeleteRouteTable: withDefaultVpc(DeleteRouteTable),
  DeleteSecurityGroup: withDefaultVpc(DeleteSecurityGroup),
  DeleteSubnet: withDefaultVpc(DeleteSubnet),
  DeleteTags: withDefaultVpc(DeleteTags),
  DeleteVpc: withDefaultVpc(DeleteVpc),
  DescribeAccountAttributes: withDefaultVpc(DescribeAccountAttributes),
  DescribeAddresses: withDefaultVpc(DescribeAddresses),
  DescribeAvailabilityZones,
  DescribeInternetGateways: withDefaultVpc(DescribeInternetGateways),
  DescribeNatGateways: withDefaultVpc(DescribeNatGateways),
  DescribeNetworkAcls: withDefaultVpc(DescribeNetworkAcls),
  DescribeNetworkInterfaces: withDefaultVpc(DescribeNetworkInterfaces),
  DescribeRegions,
  DescribeRouteTables: withDefaultVpc(DescribeRouteTables),
  DescribeSecurityGroupRules: withDefaultVpc(DescribeSecurityGroupRules),
  DescribeSecurityGroups: withDefaultVpc(DescribeSecurityGroups),
  DescribeSubnets: withDefaultVpc(DescribeSubnets),
  DescribeTags: withDefaultVpc(DescribeTags),
  DescribeVpcAttribute: withDefaultVpc(DescribeVpcAttribute),
  DescribeVpcs: withDefaultVpc(DescribeVpcs),
  DetachInternetGateway: withDefaultVpc(DetachInternetGateway),
  DetachNetworkInterface: withDefaultVpc(DetachNetworkInterface),
  DisassociateAddress: withDefaultVpc(DisassociateAddress),
  DisassociateRouteTable: withDefaultVpc(DisassociateRouteTable),
  ModifyNetworkInterfaceAttribute: withDefaultVpc(ModifyNetworkInterfaceAttribute),
  ModifySubnetAttribute: withDefaultVpc(ModifySubnetAttribute),
  ModifyVpcAttribute: withDefaultVpc(ModifyVpcAttribute),
  ReleaseAddress: withDefaultVpc(ReleaseAddress),
  ReplaceNetworkAclAssociation: withDefaultVpc(ReplaceNetworkAclAssociation),
  ReplaceNetworkAclEntry: withDefaultVpc(ReplaceNetworkAclEntry),
  ReplaceRoute: withDefaultVpc(ReplaceRoute),
  RevokeSecurityGroupEgress: withDefaultVpc(RevokeSecurityGroupEgress),
  RevokeSecurityGroupIngress: withDefaultVpc(RevokeSecurityGroupIngress),
  UnassignPrivateIpAddresses: withDefaultVpc(UnassignPrivateIpAddresses),
};

/** NAT gateway transitions are read off the simulated clock when their table is read: nothing to resume. */
export function networkStart(_engine: { store: Store; clock: Clock }): void {}
