import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { cannotRemoveLocalRoute, routeNotFound } from './errors';
import { checkDestination } from './route-targets';
import { deleteRoute, findRoute, getRouteTable } from './state/route-tables';
import type { Ec2Input, Ec2Output } from './types';

export function DeleteRoute(ctx: Ctx, input: Ec2Input<'DeleteRoute'>): Ec2Output<'DeleteRoute'> {
  const rtb = getRouteTable(ctx, input.RouteTableId);
  const destination = checkDestination(input);
  const route = findRoute(ctx, rtb.rtb_id, destination);
  if (!route) throw routeNotFound(destination, rtb.rtb_id);
  if (route.gateway_id === 'local') throw cannotRemoveLocalRoute(destination, rtb.rtb_id);
  checkDryRun(input);
  deleteRoute(ctx, rtb.rtb_id, destination);
  return {};
}
