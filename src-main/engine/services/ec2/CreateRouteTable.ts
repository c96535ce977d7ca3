import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { createRouteTable, routeTableOutput } from './state/route-tables';
import { checkTagSpecifications, setTags } from './state/tags';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** A new table holds only the local route; subnets use it once associated. */
export function CreateRouteTable(ctx: Ctx, input: Ec2Input<'CreateRouteTable'>): Ec2Output<'CreateRouteTable'> {
  const vpc = getVpc(ctx, input.VpcId);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['route-table']).get('route-table') ?? [];
  checkDryRun(input);
  const rtb = createRouteTable(ctx, vpc.vpc_id, vpc.cidr_block, false);
  if (tags.length > 0) setTags(ctx, rtb.rtb_id, tags);
  return { RouteTable: routeTableOutput(ctx, rtb, tags) };
}
