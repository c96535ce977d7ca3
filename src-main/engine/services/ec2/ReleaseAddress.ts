import type { Ctx } from '../../core/provider';
import { addressByIdOrIp } from './address-lookup';
import { checkDryRun } from './dry-run';
import { addressInUse } from './errors';
import { deleteAddressRow } from './state/addresses';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** An associated address must be disassociated first (NAT gateways hold theirs until deleted). */
export function ReleaseAddress(ctx: Ctx, input: Ec2Input<'ReleaseAddress'>): Ec2Output<'ReleaseAddress'> {
  const address = addressByIdOrIp(ctx, input);
  if (address.association_id) throw addressInUse(address.public_ip);
  checkDryRun(input);
  deleteAddressRow(ctx, address.allocation_id);
  deleteAllTags(ctx, address.allocation_id);
  return {};
}
