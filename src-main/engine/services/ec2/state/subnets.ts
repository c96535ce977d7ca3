/**
 * Subnets: ec2_subnets. A new subnet is associated with its VPC's default network ACL (an explicit
 * association row, as AWS shows it) and implicitly with the main route table (no row).
 *
 *   findSubnet(ctx, id) / getSubnet(ctx, id)   (Malformed / NotFound errors)
 *   listSubnets(ctx, vpcId?): SubnetRow[]
 *   createSubnet(ctx, {vpcId, cidr, zoneName, zoneId, defaultForAz, mapPublicIp}): SubnetRow
 *   usedAddressCount(ctx, subnetId): number     private IPs taken by ENIs
 *   availableIpCount(ctx, row): number          size - 5 reserved - used
 *   subnetOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { parseCidr } from '../../../network/cidr';
import { invalidSubnetIdMalformed, invalidSubnetIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { associateSubnetWithDefaultAcl } from './network-acls';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface SubnetRow {
  subnet_id: string;
  vpc_id: string;
  cidr_block: string;
  availability_zone: string;
  availability_zone_id: string;
  default_for_az: number;
  map_public_ip_on_launch: number;
  created_at: number;
}

const COLUMNS = 'subnet_id, vpc_id, cidr_block, availability_zone, availability_zone_id, default_for_az, map_public_ip_on_launch, created_at';

/** AWS keeps the first four addresses and the last one of every subnet. */
export const RESERVED_ADDRESSES = 5;

export function findSubnet(ctx: Ctx, id: string): SubnetRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_subnets WHERE account_id = ? AND region = ? AND subnet_id = ?`)
    .get(ctx.accountId, ctx.region, id) as SubnetRow | undefined;
}

export function checkSubnetId(id: string): void {
  if (!isWellFormedId('subnet', id)) throw invalidSubnetIdMalformed(id);
}

export function getSubnet(ctx: Ctx, id: string): SubnetRow {
  checkSubnetId(id);
  const row = findSubnet(ctx, id);
  if (!row) throw invalidSubnetIdNotFound(id);
  return row;
}

export function listSubnets(ctx: Ctx, vpcId?: string): SubnetRow[] {
  if (vpcId !== undefined)
    return ctx.store
      .stmt(`SELECT ${COLUMNS} FROM ec2_subnets WHERE account_id = ? AND region = ? AND vpc_id = ? ORDER BY id`)
      .all(ctx.accountId, ctx.region, vpcId) as SubnetRow[];
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_subnets WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as SubnetRow[];
}

export function createSubnet(
  ctx: Ctx,
  opts: { vpcId: string; cidr: string; zoneName: string; zoneId: string; defaultForAz: boolean; mapPublicIp: boolean },
): SubnetRow {
  const row: SubnetRow = {
    subnet_id: ec2Id('subnet'),
    vpc_id: opts.vpcId,
    cidr_block: opts.cidr,
    availability_zone: opts.zoneName,
    availability_zone_id: opts.zoneId,
    default_for_az: opts.defaultForAz ? 1 : 0,
    map_public_ip_on_launch: opts.mapPublicIp ? 1 : 0,
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt(
      `INSERT INTO ec2_subnets (account_id, region, ${COLUMNS}) VALUES (@account_id, @region, @subnet_id, @vpc_id, @cidr_block,
        @availability_zone, @availability_zone_id, @default_for_az, @map_public_ip_on_launch, @created_at)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...row });
  associateSubnetWithDefaultAcl(ctx, row.vpc_id, row.subnet_id);
  return row;
}

export function deleteSubnetRow(ctx: Ctx, subnetId: string): void {
  ctx.store.stmt('DELETE FROM ec2_subnets WHERE account_id = ? AND region = ? AND subnet_id = ?').run(ctx.accountId, ctx.region, subnetId);
  ctx.store.stmt('DELETE FROM ec2_network_acl_associations WHERE account_id = ? AND region = ? AND subnet_id = ?').run(ctx.accountId, ctx.region, subnetId);
  ctx.store.stmt('DELETE FROM ec2_route_table_associations WHERE account_id = ? AND region = ? AND subnet_id = ?').run(ctx.accountId, ctx.region, subnetId);
}

export function setMapPublicIpOnLaunch(ctx: Ctx, subnetId: string, value: boolean): void {
  ctx.store
    .stmt('UPDATE ec2_subnets SET map_public_ip_on_launch = ? WHERE account_id = ? AND region = ? AND subnet_id = ?')
    .run(value ? 1 : 0, ctx.accountId, ctx.region, subnetId);
}

export function usedAddressCount(ctx: Ctx, subnetId: string): number {
  return (ctx.store.stmt('SELECT COUNT(*) AS n FROM ec2_eni_private_ips WHERE subnet_id = ?').get(subnetId) as { n: number }).n;
}

export function availableIpCount(ctx: Ctx, row: SubnetRow): number {
  const size = parseCidr(row.cidr_block)!.size;
  return size - RESERVED_ADDRESSES - usedAddressCount(ctx, row.subnet_id);
}

export function subnetOutput(ctx: Ctx, s: SubnetRow, tags: readonly Tag[]) {
  return {
    AvailabilityZoneId: s.availability_zone_id,
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: ctx.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tagOutput(tags),
    SubnetArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:subnet/${s.subnet_id}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    SubnetId: s.subnet_id,
    State: 'available',
    VpcId: s.vpc_id,
    CidrBlock: s.cidr_block,
    AvailableIpAddressCount: availableIpCount(ctx, s),
    AvailabilityZone: s.availability_zone,
    DefaultForAz: s.default_for_az === 1,
    MapPublicIpOnLaunch: s.map_public_ip_on_launch === 1,
  };
}

registerTaggable({
  prefix: 'subnet',
  resourceType: 'subnet',
  exists: (ctx, id) => findSubnet(ctx, id) !== undefined,
  notFound: invalidSubnetIdNotFound,
});
