import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { routeAlreadyExists } from './errors';
import { checkDestination, resolveRouteTarget } from './route-targets';
import { findRoute, getRouteTable, insertRoute } from './state/route-tables';
import type { Ec2Input, Ec2Output } from './types';

export function CreateRoute(ctx: Ctx, input: Ec2Input<'CreateRoute'>): Ec2Output<'CreateRoute'> {
  const rtb = getRouteTable(ctx, input.RouteTableId);
  const destination = checkDestination(input);
  const target = resolveRouteTarget(ctx, rtb, destination, input);
  if (findRoute(ctx, rtb.rtb_id, destination)) throw routeAlreadyExists(destination);
  checkDryRun(input);
  insertRoute(ctx, { ...target, origin: 'CreateRoute' });
  return { Return: true };
}
