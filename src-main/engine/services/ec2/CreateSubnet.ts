import type { Ctx } from '../../core/provider';
import { cidrContains, cidrsOverlap, parseCidr } from '../../network/cidr';
import { checkDryRun } from './dry-run';
import { invalidAvailabilityZone, invalidCidrBlock, invalidSubnetConflict, invalidSubnetRange, missingParameter } from './errors';
import { createSubnet, listSubnets, subnetOutput } from './state/subnets';
import { checkTagSpecifications, setTags } from './state/tags';
import { getVpc } from './state/vpcs';
import type { Ec2Input, Ec2Output } from './types';
import { zonesOf } from './zones';

/** The block must be a /16../28 inside the VPC's block and overlap no other subnet of the VPC. */
function checkSubnetCidr(ctx: Ctx, vpcId: string, vpcCidr: string, cidr: string | undefined): string {
  if (cidr === undefined || cidr === '') throw missingParameter('cidrBlock');
  const block = parseCidr(cidr);
  if (!block) throw invalidCidrBlock('cidrBlock', cidr);
  if (block.prefix < 16 || block.prefix > 28 || !cidrContains(parseCidr(vpcCidr)!, block)) throw invalidSubnetRange(cidr);
  for (const other of listSubnets(ctx, vpcId)) if (cidrsOverlap(parseCidr(other.cidr_block)!, block)) throw invalidSubnetConflict(cidr);
  return block.text;
}

function checkZone(ctx: Ctx, zoneName: string | undefined, zoneId: string | undefined) {
  const zones = zonesOf(ctx.region);
  if (zoneName === undefined && zoneId === undefined) return zones[0]!;
  const zone = zones.find((z) => (zoneName !== undefined ? z.zoneName === zoneName : z.zoneId === zoneId));
  if (!zone || (zoneName !== undefined && zoneId !== undefined && zone.zoneId !== zoneId))
    throw invalidAvailabilityZone(zoneName ?? zoneId!, zones.map((z) => z.zoneName));
  return zone;
}

export function CreateSubnet(ctx: Ctx, input: Ec2Input<'CreateSubnet'>): Ec2Output<'CreateSubnet'> {
  const vpc = getVpc(ctx, input.VpcId);
  const cidr = checkSubnetCidr(ctx, vpc.vpc_id, vpc.cidr_block, input.CidrBlock);
  const zone = checkZone(ctx, input.AvailabilityZone, input.AvailabilityZoneId);
  const tags = checkTagSpecifications(ctx, input.TagSpecifications, ['subnet']).get('subnet') ?? [];
  checkDryRun(input);
  const subnet = createSubnet(ctx, { vpcId: vpc.vpc_id, cidr, zoneName: zone.zoneName, zoneId: zone.zoneId, defaultForAz: false, mapPublicIp: false });
  if (tags.length > 0) setTags(ctx, subnet.subnet_id, tags);
  return { Subnet: subnetOutput(ctx, subnet, tags) };
}
