import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { invalidRuleNumber, networkAclEntryNotFound } from './errors';
import { deleteEntry, findEntry, getNetworkAcl } from './state/network-acls';
import type { Ec2Input, Ec2Output } from './types';

/** Rule 32767 (the final `*` deny) cannot be removed. */
export function DeleteNetworkAclEntry(ctx: Ctx, input: Ec2Input<'DeleteNetworkAclEntry'>): Ec2Output<'DeleteNetworkAclEntry'> {
  const acl = getNetworkAcl(ctx, input.NetworkAclId);
  if (input.RuleNumber < 1 || input.RuleNumber > 32766) throw invalidRuleNumber(input.RuleNumber);
  if (!findEntry(ctx, acl.acl_id, input.Egress, input.RuleNumber)) throw networkAclEntryNotFound(input.RuleNumber, acl.acl_id);
  checkDryRun(input);
  deleteEntry(ctx, acl.acl_id, input.Egress, input.RuleNumber);
  return {};
}
