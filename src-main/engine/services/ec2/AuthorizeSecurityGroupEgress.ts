import type { Ctx } from '../../core/provider';
import { getGroup } from './state/security-groups';
import { authorize } from './sg-rule-changes';
import type { Ec2Input, Ec2Output } from './types';

/**
 * Adds egress rules, from IpPermissions or the older top-level form (the CLI's
 * `--protocol tcp --port 22 --cidr 0.0.0.0/0` arrives as IpPermissions).
 */
export function AuthorizeSecurityGroupEgress(ctx: Ctx, input: Ec2Input<'AuthorizeSecurityGroupEgress'>): Ec2Output<'AuthorizeSecurityGroupEgress'> {
  return authorize(ctx, getGroup(ctx, input.GroupId), input, true);
}
