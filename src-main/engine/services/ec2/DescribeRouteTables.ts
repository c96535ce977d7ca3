import type { Ctx } from '../../core/provider';
import { selectAndFilter } from './describe';
import { checkDryRun } from './dry-run';
import { invalidRouteTableIdMalformed, invalidRouteTableIdNotFound } from './errors';
import type { FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { associationsOf, listRouteTables, routeState, routeTableOutput, routesOf, type RouteRow, type RouteTableRow } from './state/route-tables';
import { tagsByResource, type Tag } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

type Row = RouteTableRow & { tags: Tag[]; ownerId: string; routes: (RouteRow & { state: string })[]; assocs: ReturnType<typeof associationsOf> };

const RTB_FILTERS: FilterTable<Row> = {
  'association.route-table-association-id': (t) => [...(t.main_assoc_id ? [t.main_assoc_id] : []), ...t.assocs.map((a) => a.assoc_id)],
  'association.route-table-id': (t) => (t.main_assoc_id || t.assocs.length > 0 ? t.rtb_id : undefined),
  'association.subnet-id': (t) => t.assocs.map((a) => a.subnet_id),
  'association.gateway-id': (t) => t.assocs.map((a) => a.gateway_id),
  'association.main': (t) => t.is_main === 1,
  'owner-id': (t) => t.ownerId,
  'route-table-id': (t) => t.rtb_id,
  'route.destination-cidr-block': (t) => t.routes.map((r) => r.destination_cidr),
  'route.gateway-id': (t) => t.routes.map((r) => r.gateway_id),
  'route.nat-gateway-id': (t) => t.routes.map((r) => r.nat_gateway_id),
  'route.instance-id': (t) => t.routes.map((r) => r.instance_id),
  'route.network-interface-id': (t) => t.routes.map((r) => r.network_interface_id),
  'route.origin': (t) => t.routes.map((r) => r.origin),
  'route.state': (t) => t.routes.map((r) => r.state),
  'vpc-id': (t) => t.vpc_id,
};

export function DescribeRouteTables(ctx: Ctx, input: Ec2Input<'DescribeRouteTables'>): Ec2Output<'DescribeRouteTables'> {
  const tables = listRouteTables(ctx);
  const tags = tagsByResource(ctx, tables.map((t) => t.rtb_id));
  const rows: Row[] = tables.map((t) => ({
    ...t,
    tags: tags.get(t.rtb_id) ?? [],
    ownerId: ctx.accountId,
    routes: routesOf(ctx, t.rtb_id).map((r) => ({ ...r, state: routeState(ctx, r, t.vpc_id) })),
    assocs: associationsOf(ctx, t.rtb_id),
  }));
  const selected = selectAndFilter(
    rows,
    {
      ids: input.RouteTableIds,
      idOf: (t) => t.rtb_id,
      check: (id) => {
        if (!isWellFormedId('rtb', id)) throw invalidRouteTableIdMalformed(id);
      },
      notFound: invalidRouteTableIdNotFound,
    },
    input.Filters,
    { table: RTB_FILTERS, tags: (t) => t.tags },
  );
  const { page, nextToken } = paginate(selected, input, { operation: 'DescribeRouteTables', idsParam: 'routeTableIds', ids: input.RouteTableIds });
  checkDryRun(input);
  return { RouteTables: page.map((t) => routeTableOutput(ctx, t, t.tags)), NextToken: nextToken };
}
