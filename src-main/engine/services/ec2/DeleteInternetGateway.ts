import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { hasDependencies } from './errors';
import { deleteInternetGatewayRow, getInternetGateway } from './state/internet-gateways';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** An attached gateway must be detached first. Routes that pointed at it stay, as blackholes. */
export function DeleteInternetGateway(ctx: Ctx, input: Ec2Input<'DeleteInternetGateway'>): Ec2Output<'DeleteInternetGateway'> {
  const igw = getInternetGateway(ctx, input.InternetGatewayId);
  if (igw.vpc_id) throw hasDependencies('internetGateway', igw.igw_id);
  checkDryRun(input);
  deleteInternetGatewayRow(ctx, igw.igw_id);
  deleteAllTags(ctx, igw.igw_id);
  return {};
}
