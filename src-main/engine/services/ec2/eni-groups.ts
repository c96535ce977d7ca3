/** Security groups for an interface: existing, in the interface's VPC, at most five. */
import type { Ctx } from '../../core/provider';
import { groupsInDifferentVpcs, securityGroupsPerInterfaceLimitExceeded } from './errors';
import { defaultGroup, getGroup } from './state/security-groups';

export const MAX_GROUPS_PER_INTERFACE = 5;

export function checkInterfaceGroups(ctx: Ctx, vpcId: string, groupIds: readonly string[] | undefined): string[] {
  if (!groupIds || groupIds.length === 0) {
    const g = defaultGroup(ctx, vpcId);
    return g ? [g.group_id] : [];
  }
  const out: string[] = [];
  for (const id of groupIds) {
    const g = getGroup(ctx, id);
    if (g.vpc_id !== vpcId) throw groupsInDifferentVpcs();
    if (!out.includes(g.group_id)) out.push(g.group_id);
  }
  if (out.length > MAX_GROUPS_PER_INTERFACE) throw securityGroupsPerInterfaceLimitExceeded();
  return out;
}
