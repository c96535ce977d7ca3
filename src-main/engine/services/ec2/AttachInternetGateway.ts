import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { internetGatewayAlreadyAttached, vpcAlreadyHasInternetGateway } from './errors';
import { getInternetGateway, internetGatewayOfVpc, setAttachment } from './state/internet-gateways';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** One gateway per VPC, one VPC per gateway. */
export function AttachInternetGateway(ctx: Ctx, input: Ec2Input<'AttachInternetGateway'>): Ec2Output<'AttachInternetGateway'> {
  const igw = getInternetGateway(ctx, input.InternetGatewayId);
  const vpc = getVpc(ctx, input.VpcId);
  if (igw.vpc_id) throw internetGatewayAlreadyAttached(igw.igw_id, igw.vpc_id);
  if (internetGatewayOfVpc(ctx, vpc.vpc_id)) throw vpcAlreadyHasInternetGateway(vpc.vpc_id);
  checkDryRun(input);
  setAttachment(ctx, igw.igw_id, vpc.vpc_id);
  return {};
}
