/**
 * VPCs: ec2_vpcs. Creating a VPC also creates what AWS creates with it: the main route table (with
 * the local route), the default network ACL and the default security group.
 *
 *   findVpc(ctx, id): VpcRow | undefined
 *   getVpc(ctx, id): VpcRow                 malformed → InvalidVpcID.Malformed; missing → .NotFound
 *   listVpcs(ctx): VpcRow[]
 *   defaultVpcRow(ctx): VpcRow | undefined  the account+region's default VPC (if not deleted)
 *   createVpc(ctx, {cidr, isDefault, tenancy}): VpcRow
 *   vpcOutput(ctx, row, tags): the API's Vpc structure
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { invalidVpcIdMalformed, invalidVpcIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { createDefaultNetworkAcl } from './network-acls';
import { createMainRouteTable } from './route-tables';
import { createDefaultSecurityGroup } from './security-groups';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface VpcRow {
  vpc_id: string;
  cidr_block: string;
  cidr_assoc_id: string;
  is_default: number;
  instance_tenancy: string;
  dhcp_options_id: string;
  enable_dns_support: number;
  enable_dns_hostnames: number;
  enable_nau_metrics: number;
  created_at: number;
}

const COLUMNS = `vpc_id, cidr_block, cidr_assoc_id, is_default, instance_tenancy, dhcp_options_id, enable_dns_support,
  enable_dns_hostnames, enable_nau_metrics, created_at`;

export function findVpc(ctx: Ctx, id: string): VpcRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_vpcs WHERE account_id = ? AND region = ? AND vpc_id = ?`)
    .get(ctx.accountId, ctx.region, id) as VpcRow | undefined;
}

export function checkVpcId(id: string): void {
  if (!isWellFormedId('vpc', id)) throw invalidVpcIdMalformed(id);
}

export function getVpc(ctx: Ctx, id: string): VpcRow {
  checkVpcId(id);
  const row = findVpc(ctx, id);
  if (!row) throw invalidVpcIdNotFound(id);
  return row;
}

export function listVpcs(ctx: Ctx): VpcRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_vpcs WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as VpcRow[];
}

export function defaultVpcRow(ctx: Ctx): VpcRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_vpcs WHERE account_id = ? AND region = ? AND is_default = 1`)
    .get(ctx.accountId, ctx.region) as VpcRow | undefined;
}

/** Every account+region has one DHCP option set AWS made for it (domain name + AmazonProvidedDNS). */
export function defaultDhcpOptionsId(ctx: Ctx): string {
  return `dopt-0${createHash('sha256').update(`${ctx.accountId}/${ctx.region}`).digest('hex').slice(0, 16)}`;
}

export function createVpc(ctx: Ctx, opts: { cidr: string; isDefault: boolean; tenancy: string }): VpcRow {
  const row: VpcRow = {
    vpc_id: ec2Id('vpc'),
    cidr_block: opts.cidr,
    cidr_assoc_id: ec2Id('vpc-cidr-assoc'),
    is_default: opts.isDefault ? 1 : 0,
    instance_tenancy: opts.tenancy,
    dhcp_options_id: defaultDhcpOptionsId(ctx),
    enable_dns_support: 1,
    // The default VPC resolves public DNS hostnames; a new VPC does not until you turn it on.
    enable_dns_hostnames: opts.isDefault ? 1 : 0,
    enable_nau_metrics: 0,
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt(
      `INSERT INTO ec2_vpcs (account_id, region, ${COLUMNS}) VALUES (@account_id, @region, @vpc_id, @cidr_block, @cidr_assoc_id,
        @is_default, @instance_tenancy, @dhcp_options_id, @enable_dns_support, @enable_dns_hostnames, @enable_nau_metrics, @created_at)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...row });
  createMainRouteTable(ctx, row.vpc_id, row.cidr_block);
  createDefaultNetworkAcl(ctx, row.vpc_id);
  createDefaultSecurityGroup(ctx, row.vpc_id);
  return row;
}

export function deleteVpcRow(ctx: Ctx, vpcId: string): void {
  ctx.store.stmt('DELETE FROM ec2_vpcs WHERE account_id = ? AND region = ? AND vpc_id = ?').run(ctx.accountId, ctx.region, vpcId);
}

export function setVpcAttribute(
  ctx: Ctx,
  vpcId: string,
  column: 'enable_dns_support' | 'enable_dns_hostnames' | 'enable_nau_metrics',
  value: boolean,
): void {
  ctx.store
    .stmt(`UPDATE ec2_vpcs SET ${column} = ? WHERE account_id = ? AND region = ? AND vpc_id = ?`)
    .run(value ? 1 : 0, ctx.accountId, ctx.region, vpcId);
}

export function vpcOutput(ctx: Ctx, v: VpcRow, tags: readonly Tag[]) {
  return {
    OwnerId: ctx.accountId,
    InstanceTenancy: v.instance_tenancy,
    CidrBlockAssociationSet: [{ AssociationId: v.cidr_assoc_id, CidrBlock: v.cidr_block, CidrBlockState: { State: 'associated' } }],
    IsDefault: v.is_default === 1,
    Tags: tagOutput(tags),
    VpcId: v.vpc_id,
    State: 'available',
    CidrBlock: v.cidr_block,
    DhcpOptionsId: v.dhcp_options_id,
  };
}

registerTaggable({
  prefix: 'vpc',
  resourceType: 'vpc',
  exists: (ctx, id) => findVpc(ctx, id) !== undefined,
  notFound: invalidVpcIdNotFound,
});
