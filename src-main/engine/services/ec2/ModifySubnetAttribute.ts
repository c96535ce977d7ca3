import type { Ctx } from '../../core/provider';
import { invalidParameterCombination, missingParameter, unsupportedOperation } from './errors';
import { getSubnet, setMapPublicIpOnLaunch } from './state/subnets';
import type { Ec2Input, Ec2Output } from './types';

/**
 * The lab models MapPublicIpOnLaunch: whether instances launched into the subnet get a public
 * address. One attribute per call, as AWS requires; the IPv6 and DNS-name attributes are refused.
 */
export function ModifySubnetAttribute(ctx: Ctx, input: Ec2Input<'ModifySubnetAttribute'>): Ec2Output<'ModifySubnetAttribute'> {
  const subnet = getSubnet(ctx, input.SubnetId);
  const { SubnetId: _id, ...attrs } = input;
  const given = Object.entries(attrs).filter(([, v]) => v !== undefined);
  if (given.length === 0) throw missingParameter('mapPublicIpOnLaunch');
  if (given.length > 1) throw invalidParameterCombination('Only one attribute can be modified at a time');
  const [name, value] = given[0]! as [string, { Value?: boolean }];
  if (name !== 'MapPublicIpOnLaunch')
    throw unsupportedOperation(`The subnet attribute ${name[0]!.toLowerCase()}${name.slice(1)} is not simulated in Nimbus Lab.`);
  if (value.Value === undefined) throw missingParameter('value');
  setMapPublicIpOnLaunch(ctx, subnet.subnet_id, value.Value);
  return {};
}
