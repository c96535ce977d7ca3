import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { hasDependencies } from './errors';
import { associationsOf, deleteRouteTableRow, getRouteTable } from './state/route-tables';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** The main table and tables still associated with subnets stay. */
export function DeleteRouteTable(ctx: Ctx, input: Ec2Input<'DeleteRouteTable'>): Ec2Output<'DeleteRouteTable'> {
  const rtb = getRouteTable(ctx, input.RouteTableId);
  if (rtb.is_main === 1 || associationsOf(ctx, rtb.rtb_id).length > 0) throw hasDependencies('routeTable', rtb.rtb_id);
  checkDryRun(input);
  deleteRouteTableRow(ctx, rtb.rtb_id);
  deleteAllTags(ctx, rtb.rtb_id);
  return {};
}
