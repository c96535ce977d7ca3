/**
 * Route tables: ec2_route_tables, ec2_routes, ec2_route_table_associations. Each VPC has one main
 * route table (is_main = 1, with a Main association id); a subnet without an explicit association
 * uses it.
 *
 *   findRouteTable(ctx, id) / getRouteTable(ctx, id)
 *   listRouteTables(ctx): RouteTableRow[]
 *   createMainRouteTable(ctx, vpcId, vpcCidr) / createRouteTable(ctx, vpcId, vpcCidr, isMain)
 *   routesOf(ctx, rtbId): RouteRow[]
 *   routeTableOfSubnet(ctx, subnetId, vpcId): RouteTableRow   explicit association, else the main table
 *   routeState(ctx, route): 'active' | 'blackhole'
 *   routeTableOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { invalidRouteTableIdMalformed, invalidRouteTableIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface RouteTableRow {
  rtb_id: string;
  vpc_id: string;
  is_main: number;
  main_assoc_id: string | null;
}

export interface RouteRow {
  rtb_id: string;
  destination_cidr: string;
  gateway_id: string | null;
  nat_gateway_id: string | null;
  instance_id: string | null;
  network_interface_id: string | null;
  origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface AssociationRow {
  assoc_id: string;
  rtb_id: string;
  subnet_id: string | null;
  gateway_id: string | null;
}

const RTB = 'rtb_id, vpc_id, is_main, main_assoc_id';
const ROUTE = 'rtb_id, destination_cidr, gateway_id, nat_gateway_id, instance_id, network_interface_id, origin';

export function findRouteTable(ctx: Ctx, id: string): RouteTableRow | undefined {
  return ctx.store
    .stmt(`SELECT ${RTB} FROM ec2_route_tables WHERE account_id = ? AND region = ? AND rtb_id = ?`)
    .get(ctx.accountId, ctx.region, id) as RouteTableRow | undefined;
}

export function getRouteTable(ctx: Ctx, id: string): RouteTableRow {
  if (!isWellFormedId('rtb', id)) throw invalidRouteTableIdMalformed(id);
  const row = findRouteTable(ctx, id);
  if (!row) throw invalidRouteTableIdNotFound(id);
  return row;
}

export function listRouteTables(ctx: Ctx, vpcId?: string): RouteTableRow[] {
  const rows = ctx.store
    .stmt(`SELECT ${RTB} FROM ec2_route_tables WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as RouteTableRow[];
  return vpcId === undefined ? rows : rows.filter((r) => r.vpc_id === vpcId);
}

export function mainRouteTable(ctx: Ctx, vpcId: string): RouteTableRow | undefined {
  return ctx.store
    .stmt(`SELECT ${RTB} FROM ec2_route_tables WHERE account_id = ? AND region = ? AND vpc_id = ? AND is_main = 1`)
    .get(ctx.accountId, ctx.region, vpcId) as RouteTableRow | undefined;
}

export function createRouteTable(ctx: Ctx, vpcId: string, vpcCidr: string, isMain: boolean): RouteTableRow {
  const row: RouteTableRow = { rtb_id: ec2Id('rtb'), vpc_id: vpcId, is_main: isMain ? 1 : 0, main_assoc_id: isMain ? ec2Id('rtbassoc') : null };
  ctx.store
    .stmt(
      `INSERT INTO ec2_route_tables (account_id, region, rtb_id, vpc_id, is_main, main_assoc_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, row.rtb_id, vpcId, row.is_main, row.main_assoc_id, ctx.clock.now());
  insertRoute(ctx, { rtb_id: row.rtb_id, destination_cidr: vpcCidr, gateway_id: 'local', nat_gateway_id: null, instance_id: null, network_interface_id: null, origin: 'CreateRouteTable' });
  return row;
}

export const createMainRouteTable = (ctx: Ctx, vpcId: string, vpcCidr: string): RouteTableRow => createRouteTable(ctx, vpcId, vpcCidr, true);

export function deleteRouteTableRow(ctx: Ctx, rtbId: string): void {
  ctx.store.stmt('DELETE FROM ec2_routes WHERE account_id = ? AND region = ? AND rtb_id = ?').run(ctx.accountId, ctx.region, rtbId);
  ctx.store.stmt('DELETE FROM ec2_route_tables WHERE account_id = ? AND region = ? AND rtb_id = ?').run(ctx.accountId, ctx.region, rtbId);
}

export function routesOf(ctx: Ctx, rtbId: string): RouteRow[] {
  return ctx.store
    .stmt(`SELECT ${ROUTE} FROM ec2_routes WHERE account_id = ? AND region = ? AND rtb_id = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region, rtbId) as RouteRow[];
}

export function findRoute(ctx: Ctx, rtbId: string, cidr: string): RouteRow | undefined {
  return ctx.store
    .stmt(`SELECT ${ROUTE} FROM ec2_routes WHERE account_id = ? AND region = ? AND rtb_id = ? AND destination_cidr = ?`)
    .get(ctx.accountId, ctx.region, rtbId, cidr) as RouteRow | undefined;
}

export function insertRoute(ctx: Ctx, r: RouteRow): void {
  ctx.store
    .stmt(
      `INSERT INTO ec2_routes (account_id, region, ${ROUTE}) VALUES (@account_id, @region, @rtb_id, @destination_cidr, @gateway_id,
        @nat_gateway_id, @instance_id, @network_interface_id, @origin)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...r });
}

export function replaceRouteTarget(ctx: Ctx, r: RouteRow): void {
  ctx.store
    .stmt(
      `UPDATE ec2_routes SET gateway_id = @gateway_id, nat_gateway_id = @nat_gateway_id, instance_id = @instance_id,
        network_interface_id = @network_interface_id, origin = @origin
       WHERE account_id = @account_id AND region = @region AND rtb_id = @rtb_id AND destination_cidr = @destination_cidr`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...r });
}

export function deleteRoute(ctx: Ctx, rtbId: string, cidr: string): void {
  ctx.store
    .stmt('DELETE FROM ec2_routes WHERE account_id = ? AND region = ? AND rtb_id = ? AND destination_cidr = ?')
    .run(ctx.accountId, ctx.region, rtbId, cidr);
}

/** A route is a blackhole when its target is gone: a detached/deleted IGW, a deleted NAT gateway or ENI. */
export function routeState(ctx: Ctx, r: RouteRow, vpcId: string): 'active' | 'blackhole' {
  if (r.gateway_id === 'local') return 'active';
  if (r.gateway_id) {
    const igw = ctx.store
      .stmt('SELECT vpc_id FROM ec2_internet_gateways WHERE account_id = ? AND region = ? AND igw_id = ?')
      .get(ctx.accountId, ctx.region, r.gateway_id) as { vpc_id: string | null } | undefined;
    return igw?.vpc_id === vpcId ? 'active' : 'blackhole';
  }
  if (r.nat_gateway_id) {
    const nat = ctx.store
      .stmt('SELECT state FROM ec2_nat_gateways WHERE account_id = ? AND region = ? AND nat_id = ?')
      .get(ctx.accountId, ctx.region, r.nat_gateway_id) as { state: string } | undefined;
    return nat && nat.state !== 'deleted' && nat.state !== 'deleting' && nat.state !== 'failed' ? 'active' : 'blackhole';
  }
  if (r.network_interface_id) {
    const eni = ctx.store
      .stmt('SELECT instance_id FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND eni_id = ?')
      .get(ctx.accountId, ctx.region, r.network_interface_id) as { instance_id: string | null } | undefined;
    return eni ? 'active' : 'blackhole';
  }
  return 'blackhole';
}

export function associationsOf(ctx: Ctx, rtbId: string): AssociationRow[] {
  return ctx.store
    .stmt('SELECT assoc_id, rtb_id, subnet_id, gateway_id FROM ec2_route_table_associations WHERE account_id = ? AND region = ? AND rtb_id = ? ORDER BY id')
    .all(ctx.accountId, ctx.region, rtbId) as AssociationRow[];
}

export function findAssociation(ctx: Ctx, assocId: string): AssociationRow | undefined {
  return ctx.store
    .stmt('SELECT assoc_id, rtb_id, subnet_id, gateway_id FROM ec2_route_table_associations WHERE account_id = ? AND region = ? AND assoc_id = ?')
    .get(ctx.accountId, ctx.region, assocId) as AssociationRow | undefined;
}

export function subnetAssociation(ctx: Ctx, subnetId: string): AssociationRow | undefined {
  return ctx.store
    .stmt('SELECT assoc_id, rtb_id, subnet_id, gateway_id FROM ec2_route_table_associations WHERE account_id = ? AND region = ? AND subnet_id = ?')
    .get(ctx.accountId, ctx.region, subnetId) as AssociationRow | undefined;
}

export function associateSubnet(ctx: Ctx, rtbId: string, subnetId: string): string {
  const assocId = ec2Id('rtbassoc');
  ctx.store
    .stmt('INSERT INTO ec2_route_table_associations (account_id, region, assoc_id, rtb_id, subnet_id) VALUES (?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, assocId, rtbId, subnetId);
  return assocId;
}

export function deleteAssociation(ctx: Ctx, assocId: string): void {
  ctx.store.stmt('DELETE FROM ec2_route_table_associations WHERE account_id = ? AND region = ? AND assoc_id = ?').run(ctx.accountId, ctx.region, assocId);
}

/** The route table a subnet's traffic uses: its explicit association, else the VPC's main table. */
export function routeTableOfSubnet(ctx: Ctx, subnetId: string, vpcId: string): RouteTableRow | undefined {
  const assoc = subnetAssociation(ctx, subnetId);
  return assoc ? findRouteTable(ctx, assoc.rtb_id) : mainRouteTable(ctx, vpcId);
}

export function routeOutput(ctx: Ctx, r: RouteRow, vpcId: string) {
  return {
    DestinationCidrBlock: r.destination_cidr,
    GatewayId: r.gateway_id ?? undefined,
    NatGatewayId: r.nat_gateway_id ?? undefined,
    InstanceId: r.instance_id ?? undefined,
    InstanceOwnerId: r.instance_id ? ctx.accountId : undefined,
    NetworkInterfaceId: r.network_interface_id ?? undefined,
    Origin: r.origin,
    State: routeState(ctx, r, vpcId),
  };
}

export function routeTableOutput(ctx: Ctx, t: RouteTableRow, tags: readonly Tag[]) {
  const associations = [
    ...(t.main_assoc_id
      ? [{ Main: true, RouteTableAssociationId: t.main_assoc_id, RouteTableId: t.rtb_id, AssociationState: { State: 'associated' } }]
      : []),
    ...associationsOf(ctx, t.rtb_id).map((a) => ({
      Main: false,
      RouteTableAssociationId: a.assoc_id,
      RouteTableId: a.rtb_id,
      SubnetId: a.subnet_id ?? undefined,
      GatewayId: a.gateway_id ?? undefined,
      AssociationState: { State: 'associated' },
    })),
  ];
  return {
    Associations: associations,
    PropagatingVgws: [],
    RouteTableId: t.rtb_id,
    Routes: routesOf(ctx, t.rtb_id).map((r) => routeOutput(ctx, r, t.vpc_id)),
    Tags: tagOutput(tags) ?? [],
    VpcId: t.vpc_id,
    OwnerId: ctx.accountId,
  };
}

registerTaggable({
  prefix: 'rtb',
  resourceType: 'route-table',
  exists: (ctx, id) => findRouteTable(ctx, id) !== undefined,
  notFound: invalidRouteTableIdNotFound,
});
