import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { groupNameLikeId, invalidGroupDuplicate, invalidParameterValue, reservedGroupName, vpcIdNotSpecified } from './errors';
import { createGroup, findGroupByName } from './state/security-groups';
import { checkTagSpecifications, setTags, tagOutput } from './state/tags';
import { defaultVpcRow, getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

const MAX_TEXT = 255;

/** A new group allows no inbound traffic and all outbound traffic. Without VpcId it goes into the default VPC. */
export function CreateSecurityGroup(ctx: Ctx, input: Ec2Input<'CreateSecurityGroup'>): Ec2Output<'CreateSecurityGroup'> {
  const name = input.GroupName;
  if (name.length === 0 || name.length > MAX_TEXT) throw invalidParameterValue(`Invalid value '${name}' for groupName. Length must be 1-255 characters.`);
  if (name === 'default') throw reservedGroupName();
  if (name.toLowerCase().startsWith('sg-')) throw groupNameLikeId();
  if (input.Description.length > MAX_TEXT)
    throw invalidParameterValue('Invalid value for groupDescription. Length exceeds maximum of 255 characters.');
  const vpc = input.VpcId !== undefined ? getVpc(ctx, input.VpcId) : defaultVpcRow(ctx);
  if (!vpc) throw vpcIdNotSpecified();
  if (findGroupByName(ctx, vpc.vpc_id, name)) throw invalidGroupDuplicate(name, vpc.vpc_id);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['security-group']).get('security-group') ?? [];
  checkDryRun(input);
  const g = createGroup(ctx, { vpcId: vpc.vpc_id, name, description: input.Description, isDefault: false });
  if (tags.length > 0) setTags(ctx, g.group_id, tags);
  return { GroupId: g.group_id, Tags: tagOutput(tags) };
}
