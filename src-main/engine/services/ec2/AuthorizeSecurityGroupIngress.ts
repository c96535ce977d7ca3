import type { Ctx } from '../../core/provider';
import { groupByIdOrName } from './group-lookup';
import { authorize } from './sg-rule-changes';
import type { Ec2Input, Ec2Output } from './types';

/**
 * Adds ingress rules, from IpPermissions or the older top-level form (the CLI's
 * `--protocol tcp --port 22 --cidr 0.0.0.0/0` arrives as IpPermissions).
 */
export function AuthorizeSecurityGroupIngress(ctx: Ctx, input: Ec2Input<'AuthorizeSecurityGroupIngress'>): Ec2Output<'AuthorizeSecurityGroupIngress'> {
  return authorize(ctx, groupByIdOrName(ctx, input), input, false);
}
