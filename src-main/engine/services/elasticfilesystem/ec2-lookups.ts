/** What EFS asks EC2 (through call(), as its service principal): subnets, security groups, mount targets' network interfaces. */
import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { badRequest, ipAddressInUse, noFreeAddresses, securityGroupLimit, securityGroupNotFound, subnetNotFound } from './errors';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const code = (e: unknown): string => (e instanceof AwsError ? e.code : '');

export const ec2 = (ctx: Pick<Ctx, 'call' | 'accountId' | 'region'>, operation: string, input: Obj) =>
  ctx.call(servicePrincipal(ctx.accountId, 'elasticfilesystem'), 'ec2', operation, input, { region: ctx.region, source: 'internal' });

export interface SubnetInfo {
  id: string;
  az: string;
  vpcId: string;
}

export async function subnet(ctx: Ctx, id: string): Promise<SubnetInfo> {
  try {
    const s = arr((await ec2(ctx, 'DescribeSubnets', { SubnetIds: [id] })).Subnets)[0];
    if (!s) throw subnetNotFound(id);
    return { id, az: String(s.AvailabilityZone), vpcId: String(s.VpcId) };
  } catch (e) {
    if (/NotFound|Malformed/.test(code(e))) throw subnetNotFound(id);
    throw e;
  }
}

/** The given groups (all in the mount target's VPC), or the VPC's default group. */
export async function securityGroups(ctx: Ctx, ids: readonly string[] | undefined, vpcId: string): Promise<string[]> {
  if (ids && ids.length > 5) throw securityGroupLimit();
  if (!ids || ids.length === 0) {
    const out = await ec2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] });
    return arr(out.SecurityGroups).map((g) => String(g.GroupId));
  }
  let groups: Obj[];
  try {
    groups = arr((await ec2(ctx, 'DescribeSecurityGroups', { GroupIds: [...ids] })).SecurityGroups);
  } catch (e) {
    if (/NotFound|Malformed/.test(code(e))) throw securityGroupNotFound(ids.join(', '));
    throw e;
  }
  const elsewhere = groups.find((g) => g.VpcId !== vpcId);
  if (elsewhere) throw badRequest(`The security group ${String(elsewhere.GroupId)} does not belong to the VPC ${vpcId} of the subnet.`);
  return [...ids];
}

/** The mount target's network interface: EC2 really allocates its address in the subnet. */
export async function createInterface(ctx: Ctx, subnetId: string, groups: string[], ip: string | undefined, description: string): Promise<{ eniId: string; ip: string }> {
  try {
    const out = await ec2(ctx, 'CreateNetworkInterface', { SubnetId: subnetId, Groups: groups, Description: description, ...(ip ? { PrivateIpAddress: ip } : {}) });
    const eni = out.NetworkInterface as Obj;
    return { eniId: String(eni.NetworkInterfaceId), ip: String(eni.PrivateIpAddress) };
  } catch (e) {
    const c = code(e);
    if (/InUse/.test(c)) throw ipAddressInUse(ip ?? '');
    if (/InsufficientFreeAddresses/.test(c)) throw noFreeAddresses();
    if (/InvalidParameterValue|InvalidIPAddress|InvalidParameterCombination/.test(c)) throw badRequest(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

export async function deleteInterface(ctx: Ctx, eniId: string): Promise<void> {
  try {
    await ec2(ctx, 'DeleteNetworkInterface', { NetworkInterfaceId: eniId });
  } catch (e) {
    if (!/NotFound/.test(code(e))) throw e;
  }
}
