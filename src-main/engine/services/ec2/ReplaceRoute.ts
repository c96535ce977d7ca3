import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { cannotReplaceLocalRoute, noRouteToReplace } from './errors';
import { checkDestination, resolveRouteTarget } from './route-targets';
import { findRoute, getRouteTable, replaceRouteTarget } from './state/route-tables';
import type { Ec2Input, Ec2Output } from './types';

/** Points an existing route at another target (e.g. from a NAT gateway to an instance). */
export function ReplaceRoute(ctx: Ctx, input: Ec2Input<'ReplaceRoute'>): Ec2Output<'ReplaceRoute'> {
  const rtb = getRouteTable(ctx, input.RouteTableId);
  const destination = checkDestination(input);
  const existing = findRoute(ctx, rtb.rtb_id, destination);
  if (!existing) throw noRouteToReplace(destination);
  if (existing.gateway_id === 'local') throw cannotReplaceLocalRoute(destination, rtb.rtb_id);
  const target = resolveRouteTarget(ctx, rtb, destination, input);
  checkDryRun(input);
  replaceRouteTarget(ctx, { ...target, origin: 'CreateRoute' });
  return {};
}
