import type { Ctx } from '../../core/provider';
import { getGroup } from './state/security-groups';
import { revoke } from './sg-rule-changes';
import type { Ec2Input, Ec2Output } from './types';

/** Removes egress rules named by SecurityGroupRuleIds or by their permissions; every one must exist. */
export function RevokeSecurityGroupEgress(ctx: Ctx, input: Ec2Input<'RevokeSecurityGroupEgress'>): Ec2Output<'RevokeSecurityGroupEgress'> {
  return revoke(ctx, getGroup(ctx, input.GroupId), input, true);
}
