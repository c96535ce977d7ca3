import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { gatewayNotAttached, vpcHasMappedPublicAddresses } from './errors';
import { getInternetGateway, setAttachment } from './state/internet-gateways';
import { vpcHasPublicAddresses } from './state/public-addresses';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';

/** AWS refuses while anything in the VPC still has a public address (instance IPs, Elastic IPs). */
export function DetachInternetGateway(ctx: Ctx, input: Ec2Input<'DetachInternetGateway'>): Ec2Output<'DetachInternetGateway'> {
  const igw = getInternetGateway(ctx, input.InternetGatewayId);
  const vpc = getVpc(ctx, input.VpcId);
  if (igw.vpc_id !== vpc.vpc_id) throw gatewayNotAttached(igw.igw_id, vpc.vpc_id);
  if (vpcHasPublicAddresses(ctx, vpc.vpc_id)) throw vpcHasMappedPublicAddresses(vpc.vpc_id);
  checkDryRun(input);
  setAttachment(ctx, igw.igw_id, null);
  return {};
}
