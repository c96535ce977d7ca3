import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { hasDependencies } from './errors';
import { enisOfSubnet } from './state/network-interfaces';
import { advanceNatGateways, listNatGateways } from './state/nat-gateways';
import { deleteSubnetRow, getSubnet } from './state/subnets';
import { deleteAllTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/** A subnet with interfaces in it (instances, NAT gateways...) cannot go. */
export function DeleteSubnet(ctx: Ctx, input: Ec2Input<'DeleteSubnet'>): Ec2Output<'DeleteSubnet'> {
  const subnet = getSubnet(ctx, input.SubnetId);
  // A NAT gateway whose deletion is due releases its interface first (its state is applied on read).
  advanceNatGateways(ctx);
  const busy =
    enisOfSubnet(ctx, subnet.subnet_id).length > 0 ||
    listNatGateways(ctx).some((n) => n.subnet_id === subnet.subnet_id && n.state !== 'deleted' && n.state !== 'failed');
  if (busy) throw hasDependencies('subnet', subnet.subnet_id);
  checkDryRun(input);
  deleteSubnetRow(ctx, subnet.subnet_id);
  deleteAllTags(ctx, subnet.subnet_id);
  return {};
}
