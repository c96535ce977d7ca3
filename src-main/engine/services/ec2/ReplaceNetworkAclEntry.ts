import type { Ctx } from '../../core/provider';
import { checkAclEntry } from './acl-entries';
import { checkDryRun } from './dry-run';
import { networkAclEntryNotFound } from './errors';
import { findEntry, getNetworkAcl, insertEntry } from './state/network-acls';
import type { Ec2Input, Ec2Output } from './types';

export function ReplaceNetworkAclEntry(ctx: Ctx, input: Ec2Input<'ReplaceNetworkAclEntry'>): Ec2Output<'ReplaceNetworkAclEntry'> {
  const acl = getNetworkAcl(ctx, input.NetworkAclId);
  const entry = checkAclEntry({ ...input, NetworkAclId: acl.acl_id });
  if (!findEntry(ctx, acl.acl_id, input.Egress, input.RuleNumber)) throw networkAclEntryNotFound(input.RuleNumber, acl.acl_id);
  checkDryRun(input);
  insertEntry(ctx, entry);
  return {};
}
