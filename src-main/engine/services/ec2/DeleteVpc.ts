import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { hasDependencies } from './errors';
import { internetGatewayOfVpc } from './state/internet-gateways';
import { deleteNetworkAclRow, listNetworkAcls } from './state/network-acls';
import { listEnis } from './state/network-interfaces';
import { listNatGateways } from './state/nat-gateways';
import { deleteRouteTableRow, listRouteTables } from './state/route-tables';
import { deleteGroupRow, listGroupsOfVpc } from './state/security-groups';
import { listSubnets } from './state/subnets';
import { deleteAllTags } from './state/tags';
import { deleteVpcRow, getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/**
 * What keeps a VPC alive, as AWS checks it: subnets, an attached internet gateway, interfaces,
 * NAT gateways not yet deleted, and anything the learner added (groups, route tables, ACLs).
 */
function checkNoDependencies(ctx: Ctx, vpcId: string): void {
  const depends =
    listSubnets(ctx, vpcId).length > 0 ||
    internetGatewayOfVpc(ctx, vpcId) !== undefined ||
    listEnis(ctx).some((e) => e.vpc_id === vpcId) ||
    listNatGateways(ctx).some((n) => n.vpc_id === vpcId && n.state !== 'deleted' && n.state !== 'failed') ||
    listGroupsOfVpc(ctx, vpcId).some((g) => g.is_default !== 1) ||
    listRouteTables(ctx, vpcId).some((t) => t.is_main !== 1) ||
    listNetworkAcls(ctx).some((a) => a.vpc_id === vpcId && a.is_default !== 1);
  if (depends) throw hasDependencies('vpc', vpcId);
}

export function DeleteVpc(ctx: Ctx, input: Ec2Input<'DeleteVpc'>): Ec2Output<'DeleteVpc'> {
  const vpc = getVpc(ctx, input.VpcId);
  checkNoDependencies(ctx, vpc.vpc_id);
  checkDryRun(input);
  // What AWS created with the VPC goes with it.
  for (const t of listRouteTables(ctx, vpc.vpc_id)) {
    deleteRouteTableRow(ctx, t.rtb_id);
    deleteAllTags(ctx, t.rtb_id);
  }
  for (const a of listNetworkAcls(ctx).filter((x) => x.vpc_id === vpc.vpc_id)) {
    deleteNetworkAclRow(ctx, a.acl_id);
    deleteAllTags(ctx, a.acl_id);
  }
  for (const g of listGroupsOfVpc(ctx, vpc.vpc_id)) {
    deleteGroupRow(ctx, g.group_id);
    deleteAllTags(ctx, g.group_id);
  }
  deleteVpcRow(ctx, vpc.vpc_id);
  deleteAllTags(ctx, vpc.vpc_id);
  return {};
}
