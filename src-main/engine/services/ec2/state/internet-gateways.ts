/**
 * Internet gateways: ec2_internet_gateways (vpc_id set while attached).
 *
 *   findInternetGateway(ctx, id) / getInternetGateway(ctx, id)
 *   listInternetGateways(ctx): IgwRow[]
 *   createInternetGateway(ctx): IgwRow
 *   internetGatewayOfVpc(ctx, vpcId): IgwRow | undefined
 *   setAttachment(ctx, igwId, vpcId | null)
 *   internetGatewayOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { invalidInternetGatewayIdMalformed, invalidInternetGatewayIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface IgwRow {
  igw_id: string;
  vpc_id: string | null;
}

export function findInternetGateway(ctx: Ctx, id: string): IgwRow | undefined {
  return ctx.store
    .stmt('SELECT igw_id, vpc_id FROM ec2_internet_gateways WHERE account_id = ? AND region = ? AND igw_id = ?')
    .get(ctx.accountId, ctx.region, id) as IgwRow | undefined;
}

export function getInternetGateway(ctx: Ctx, id: string): IgwRow {
  if (!isWellFormedId('igw', id)) throw invalidInternetGatewayIdMalformed(id);
  const row = findInternetGateway(ctx, id);
  if (!row) throw invalidInternetGatewayIdNotFound(id);
  return row;
}

export function listInternetGateways(ctx: Ctx): IgwRow[] {
  return ctx.store
    .stmt('SELECT igw_id, vpc_id FROM ec2_internet_gateways WHERE account_id = ? AND region = ? ORDER BY id')
    .all(ctx.accountId, ctx.region) as IgwRow[];
}

export function internetGatewayOfVpc(ctx: Ctx, vpcId: string): IgwRow | undefined {
  return ctx.store
    .stmt('SELECT igw_id, vpc_id FROM ec2_internet_gateways WHERE account_id = ? AND region = ? AND vpc_id = ?')
    .get(ctx.accountId, ctx.region, vpcId) as IgwRow | undefined;
}

export function createInternetGateway(ctx: Ctx): IgwRow {
  const row: IgwRow = { igw_id: ec2Id('igw'), vpc_id: null };
  ctx.store
    .stmt('INSERT INTO ec2_internet_gateways (account_id, region, igw_id, vpc_id, created_at) VALUES (?, ?, ?, NULL, ?)')
    .run(ctx.accountId, ctx.region, row.igw_id, ctx.clock.now());
  return row;
}

export function setAttachment(ctx: Ctx, igwId: string, vpcId: string | null): void {
  ctx.store
    .stmt('UPDATE ec2_internet_gateways SET vpc_id = ? WHERE account_id = ? AND region = ? AND igw_id = ?')
    .run(vpcId, ctx.accountId, ctx.region, igwId);
}

export function deleteInternetGatewayRow(ctx: Ctx, igwId: string): void {
  ctx.store.stmt('DELETE FROM ec2_internet_gateways WHERE account_id = ? AND region = ? AND igw_id = ?').run(ctx.accountId, ctx.region, igwId);
}

export function internetGatewayOutput(ctx: Ctx, g: IgwRow, tags: readonly Tag[]) {
  return {
    Attachments: g.vpc_id ? [{ State: 'available', VpcId: g.vpc_id }] : [],
    InternetGatewayId: g.igw_id,
    OwnerId: ctx.accountId,
    Tags: tagOutput(tags) ?? [],
  };
}

registerTaggable({
  prefix: 'igw',
  resourceType: 'internet-gateway',
  exists: (ctx, id) => findInternetGateway(ctx, id) !== undefined,
  notFound: invalidInternetGatewayIdNotFound,
});
