/** DescribeSecurityGroups' structure for a group: its rules regrouped into IpPermissions. */
import type { Ctx } from '../../core/provider';
import { ipPermissionsOutput } from './sg-permissions';
import { rulesOf, type GroupRow } from './state/security-groups';
import { tagOutput, type Tag } from './state/tags';

export function securityGroupOutput(ctx: Ctx, g: GroupRow, tags: readonly Tag[]) {
  return {
    Description: g.description,
    GroupName: g.group_name,
    IpPermissions: ipPermissionsOutput(ctx, rulesOf(ctx, g.group_id, false)),
    OwnerId: ctx.accountId,
    GroupId: g.group_id,
    IpPermissionsEgress: ipPermissionsOutput(ctx, rulesOf(ctx, g.group_id, true)),
    Tags: tagOutput(tags),
    VpcId: g.vpc_id,
  };
}
