/**
 * Finding the group an operation names: by id anywhere, or by name in the default VPC only (names
 * are unique per VPC, and EC2 resolves a bare name in the default VPC).
 */
import type { Ctx } from '../../core/provider';
import { invalidGroupNotFoundInDefaultVpc, missingParameter, vpcIdNotSpecified } from './errors';
import { defaultVpcRow } from './state/vpcs';
import { findGroupByName, getGroup, type GroupRow } from './state/security-groups';

export function groupByIdOrName(ctx: Ctx, input: { GroupId?: string; GroupName?: string }): GroupRow {
  if (input.GroupId !== undefined) return getGroup(ctx, input.GroupId);
  if (input.GroupName === undefined) throw missingParameter('groupId');
  const vpc = defaultVpcRow(ctx);
  if (!vpc) throw vpcIdNotSpecified();
  const g = findGroupByName(ctx, vpc.vpc_id, input.GroupName);
  if (!g) throw invalidGroupNotFoundInDefaultVpc(input.GroupName, vpc.vpc_id);
  return g;
}
