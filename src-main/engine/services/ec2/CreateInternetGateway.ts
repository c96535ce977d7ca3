import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { createInternetGateway, internetGatewayOutput } from './state/internet-gateways';
import { checkTagSpecifications, setTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

export function CreateInternetGateway(ctx: Ctx, input: Ec2Input<'CreateInternetGateway'>): Ec2Output<'CreateInternetGateway'> {
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['internet-gateway']).get('internet-gateway') ?? [];
  checkDryRun(input);
  const igw = createInternetGateway(ctx);
  if (tags.length > 0) setTags(ctx, igw.igw_id, tags);
  return { InternetGateway: internetGatewayOutput(ctx, igw, tags) };
}
