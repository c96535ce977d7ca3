import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { natGatewayNotFound } from './errors';
import { getNatGateway, startDeletingNatGateway } from './state/nat-gateways';
import type { Ec2Input, Ec2Output } from './types';

/** deleting → deleted on the simulated clock; the Elastic IP is freed once it is deleted. */
export function DeleteNatGateway(ctx: Ctx, input: Ec2Input<'DeleteNatGateway'>): Ec2Output<'DeleteNatGateway'> {
  const nat = getNatGateway(ctx, input.NatGatewayId);
  if (nat.state === 'deleted' || nat.state === 'failed') throw natGatewayNotFound(nat.nat_id);
  checkDryRun(input);
  if (nat.state !== 'deleting') startDeletingNatGateway(ctx, nat.nat_id);
  return { NatGatewayId: nat.nat_id };
}
