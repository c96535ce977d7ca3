import { streaming, type Ctx } from '../../core/provider';
import { ec2Caller, ec2Code } from './ec2';
import { dbSubnetGroupAlreadyExists, dbSubnetGroupDoesNotCoverEnoughAZs, invalidParameterValue, invalidSubnet } from './errors';
import { subnetGroupOutput } from './output';
import { findSubnetGroup, putSubnetGroup, type SubnetGroupRow } from './state/subnet-groups';
import type { RdsInput, RdsOutput } from './types';

/** Checks the subnets with EC2 (all exist, one VPC, at least two zones), then records the group. */
export async function resolveSubnets(ctx: Ctx, ids: string[]): Promise<{ vpcId: string; subnets: { id: string; az: string }[] }> {
  if (ids.length === 0) throw invalidParameterValue('The parameter SubnetIds must contain at least one subnet.');
  let found: { SubnetId: string; VpcId: string; AvailabilityZone: string }[];
  try {
    found = ((await ec2Caller(ctx.call, ctx.accountId, ctx.region)('DescribeSubnets', { SubnetIds: [...new Set(ids)] })).Subnets ?? []) as typeof found;
  } catch (err) {
    if (ec2Code(err)?.startsWith('InvalidSubnet')) throw invalidSubnet(`Some input subnets in :[${ids.join(', ')}] are invalid.`);
    throw err;
  }
  const vpcs = new Set(found.map((s) => s.VpcId));
  if (vpcs.size > 1) throw invalidSubnet('Subnets must all be in the same VPC.');
  const subnets = found.map((s) => ({ id: s.SubnetId, az: s.AvailabilityZone }));
  if (new Set(subnets.map((s) => s.az)).size < 2) throw dbSubnetGroupDoesNotCoverEnoughAZs();
  return { vpcId: [...vpcs][0]!, subnets };
}

export const CreateDBSubnetGroup = streaming(async (ctx: Ctx, input: RdsInput<'CreateDBSubnetGroup'>): Promise<RdsOutput<'CreateDBSubnetGroup'>> => {
  const name = input.DBSubnetGroupName.toLowerCase();
  if (!/^[a-z0-9 ._-]{1,255}$/.test(name) || name === 'default')
    throw invalidParameterValue('The parameter DBSubnetGroupName is not a valid identifier. Only ASCII letters, digits, periods, underscores, spaces, or hyphens are allowed.');
  if (findSubnetGroup(ctx, name)) throw dbSubnetGroupAlreadyExists(name);
  const { vpcId, subnets } = await resolveSubnets(ctx, input.SubnetIds);
  const row: SubnetGroupRow = {
    account_id: ctx.accountId,
    region: ctx.region,
    name,
    description: input.DBSubnetGroupDescription,
    vpc_id: vpcId,
    subnets: JSON.stringify(subnets),
    created_at: ctx.clock.now(),
  };
  ctx.commit(() => {
    if (findSubnetGroup(ctx, name)) throw dbSubnetGroupAlreadyExists(name);
    putSubnetGroup(ctx, row);
  });
  return { DBSubnetGroup: subnetGroupOutput(row) };
});
