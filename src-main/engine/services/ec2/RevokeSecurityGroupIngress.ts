import type { Ctx } from '../../core/provider';
import { groupByIdOrName } from './group-lookup';
import { revoke } from './sg-rule-changes';
import type { Ec2Input, Ec2Output } from './types';

/** Removes ingress rules named by SecurityGroupRuleIds or by their permissions; every one must exist. */
export function RevokeSecurityGroupIngress(ctx: Ctx, input: Ec2Input<'RevokeSecurityGroupIngress'>): Ec2Output<'RevokeSecurityGroupIngress'> {
  return revoke(ctx, groupByIdOrName(ctx, input), input, false);
}
