import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { cannotDeleteDefaultGroup, groupHasDependentObject } from './errors';
import { groupByIdOrName } from './group-lookup';
import { deleteGroupRow, groupInUse, rulesOf } from './state/security-groups';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** The default group stays; a group used by an interface or referenced by another group's rule too. */
export function DeleteSecurityGroup(ctx: Ctx, input: Ec2Input<'DeleteSecurityGroup'>): Ec2Output<'DeleteSecurityGroup'> {
  const g = groupByIdOrName(ctx, input);
  if (g.is_default === 1) throw cannotDeleteDefaultGroup(g.group_id);
  if (groupInUse(ctx, g.group_id)) throw groupHasDependentObject(g.group_id);
  checkDryRun(input);
  for (const r of rulesOf(ctx, g.group_id)) deleteAllTags(ctx, r.rule_id);
  deleteGroupRow(ctx, g.group_id);
  deleteAllTags(ctx, g.group_id);
  return {};
}
