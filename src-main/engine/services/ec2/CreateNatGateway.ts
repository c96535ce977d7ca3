import type { Ctx } from '../../core/provider';
import { checkDryRun } from './dry-run';
import { elasticIpAlreadyAssociated, invalidParameterValue, missingParameter, natGatewayAllocationOnPrivate } from './errors';
import { getAddress } from './state/addresses';
import { createNatGateway, natGatewayOutput } from './state/nat-gateways';
import { getSubnet } from './state/subnets';
import { checkTagSpecifications, setTags } from './state/tags';
import type { Ec2Input, Ec2Output } from './types';

/**
 * A public NAT gateway takes an unassociated Elastic IP and lives in a (public) subnet; private
 * subnets then route 0.0.0.0/0 to it. It becomes available after a minute of simulated time.
 */
export function CreateNatGateway(ctx: Ctx, input: Ec2Input<'CreateNatGateway'>): Ec2Output<'CreateNatGateway'> {
  const subnet = getSubnet(ctx, input.SubnetId);
  const connectivityType = input.ConnectivityType ?? 'public';
  if (connectivityType !== 'public' && connectivityType !== 'private')
    throw invalidParameterValue(`Value (${connectivityType}) for parameter connectivityType is invalid. Valid values: public, private`);
  let allocation;
  if (connectivityType === 'public') {
    if (input.AllocationId === undefined) throw missingParameter('allocationId');
    allocation = getAddress(ctx, input.AllocationId);
    if (allocation.association_id) throw elasticIpAlreadyAssociated(allocation.allocation_id);
  } else if (input.AllocationId !== undefined) throw natGatewayAllocationOnPrivate();
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['natgateway']).get('natgateway') ?? [];
  checkDryRun(input);
  const nat = createNatGateway(ctx, { subnet, connectivityType, allocation, privateIp: input.PrivateIpAddress });
  if (tags.length > 0) setTags(ctx, nat.nat_id, tags);
  return { ClientToken: input.ClientToken, NatGateway: natGatewayOutput(ctx, nat, tags) };
}
