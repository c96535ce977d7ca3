import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { aclAndSubnetDifferentVpcs, invalidAssociationIdNotFound } from './errors';
import { associateSubnetWithAcl, findAclAssociation, getNetworkAcl } from './state/network-acls';
import { findSubnet } from './state/subnets';
import type { Ec2Input, Ec2Output } from './types';

/** Moves a subnet to another ACL of its VPC; the old association id stops existing. */
export function ReplaceNetworkAclAssociation(
  ctx: Ctx,
  input: Ec2Input<'ReplaceNetworkAclAssociation'>,
): Ec2Output<'ReplaceNetworkAclAssociation'> {
  const assoc = findAclAssociation(ctx, input.AssociationId);
  if (!assoc) throw invalidAssociationIdNotFound(input.AssociationId);
  const acl = getNetworkAcl(ctx, input.NetworkAclId);
  const subnet = findSubnet(ctx, assoc.subnet_id)!;
  if (subnet.vpc_id !== acl.vpc_id) throw aclAndSubnetDifferentVpcs(acl.acl_id, subnet.subnet_id);
  checkDryRun(input);
  return { NewAssociationId: associateSubnetWithAcl(ctx, acl.acl_id, subnet.subnet_id) };
}
