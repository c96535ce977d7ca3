import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { cannotDeleteDefaultNetworkAcl, hasDependencies } from './errors';
import { aclAssociationsOf, deleteNetworkAclRow, getNetworkAcl } from './state/network-acls';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

export function DeleteNetworkAcl(ctx: Ctx, input: Ec2Input<'DeleteNetworkAcl'>): Ec2Output<'DeleteNetworkAcl'> {
  const acl = getNetworkAcl(ctx, input.NetworkAclId);
  if (acl.is_default === 1) throw cannotDeleteDefaultNetworkAcl(acl.acl_id);
  if (aclAssociationsOf(ctx, acl.acl_id).length > 0) throw hasDependencies('networkAcl', acl.acl_id);
  checkDryRun(input);
  deleteNetworkAclRow(ctx, acl.acl_id);
  deleteAllTags(ctx, acl.acl_id);
  return {};
}
