/** What ElastiCache asks EC2 (through call(), as its service principal): subnets, security groups, the default VPC. */
import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { invalidParameterValue, invalidSubnet } from './errors';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

const ec2 = (ctx: Ctx, operation: string, input: Obj) =>
  ctx.call(servicePrincipal(ctx.accountId, 'elasticache'), 'ec2', operation, input, { region: ctx.region, source: 'internal' });

export interface SubnetInfo {
  id: string;
  az: string;
  vpcId: string;
}

export async function subnets(ctx: Ctx, ids: string[]): Promise<SubnetInfo[]> {
  try {
    const out = await ec2(ctx, 'DescribeSubnets', { SubnetIds: ids });
    return arr(out.Subnets).map((s) => ({ id: String(s.SubnetId), az: String(s.AvailabilityZone), vpcId: String(s.VpcId) }));
  } catch (e) {
    if (e instanceof AwsError && /NotFound|Malformed/.test(e.code)) throw invalidSubnet(`The subnet ID ${ids.join(', ')} does not exist`);
    throw e;
  }
}

/** The default VPC's default subnets: what a cluster without a subnet group gets (the group "default"). */
export async function defaultSubnets(ctx: Ctx): Promise<SubnetInfo[]> {
  const out = await ec2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] });
  const list = arr(out.Subnets).map((s) => ({ id: String(s.SubnetId), az: String(s.AvailabilityZone), vpcId: String(s.VpcId) }));
  if (list.length === 0) throw invalidParameterValue('No default VPC exists in this region; give a CacheSubnetGroupName.');
  return list;
}

export async function securityGroups(ctx: Ctx, ids: string[], vpcId: string): Promise<string[]> {
  if (ids.length === 0) {
    const out = await ec2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] });
    return arr(out.SecurityGroups).map((g) => String(g.GroupId));
  }
  let groups: Obj[];
  try {
    groups = arr((await ec2(ctx, 'DescribeSecurityGroups', { GroupIds: ids })).SecurityGroups);
  } catch (e) {
    if (e instanceof AwsError && /NotFound|Malformed/.test(e.code)) throw invalidParameterValue(`Some security group Id not recognized by EC2: ${ids.join(', ')}`);
    throw e;
  }
  const elsewhere = groups.find((g) => g.VpcId !== vpcId);
  if (elsewhere) throw invalidParameterValue(`The security group ${String(elsewhere.GroupId)} does not belong to the VPC ${vpcId} of the cache subnet group.`);
  return ids;
}
