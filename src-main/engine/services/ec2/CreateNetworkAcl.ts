import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { createNetworkAcl, networkAclOutput } from './state/network-acls';
import { checkTagSpecifications, setTags } from './state/tags';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** A new ACL denies all traffic both ways until rules are added; no subnet uses it yet. */
export function CreateNetworkAcl(ctx: Ctx, input: Ec2Input<'CreateNetworkAcl'>): Ec2Output<'CreateNetworkAcl'> {
  const vpc = getVpc(ctx, input.VpcId);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['network-acl']).get('network-acl') ?? [];
  checkDryRun(input);
  const acl = createNetworkAcl(ctx, vpc.vpc_id, false);
  if (tags.length > 0) setTags(ctx, acl.acl_id, tags);
  return { NetworkAcl: networkAclOutput(ctx, acl, tags), ClientToken: input.ClientToken };
}
