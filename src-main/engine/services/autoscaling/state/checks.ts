/** Checks a group's settings need before any write: sizes, subnets (and their zones), target groups. */
import type { Ctx } from '../../../core/provider';
import { buildNetworkWorld, ensureDefaultVpc } from '../../ec2/index';
import { targetGroupExists } from '../../elasticloadbalancingv2/index';
import { classicExists } from '../../elasticloadbalancing/index';
import { validationError } from '../errors';

export function checkSizes(min: number, max: number, desired: number | undefined): void {
  if (min > max) throw validationError(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired !== undefined && (desired < min || desired > max))
    throw validationError(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
}

/** The group's subnets and their zones, from VPCZoneIdentifier or (the default VPC's subnets in) AvailabilityZones. */
export function checkPlacement(ctx: Ctx, vpcZoneIdentifier: string | undefined, zones: readonly string[] | undefined): { subnets: string[]; zones: string[] } {
  const defaultVpc = ensureDefaultVpc(ctx);
  const world = buildNetworkWorld(ctx);
  const ids = (vpcZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length) {
    const subnets = ids.map((id) => {
      const s = world.subnets.find((x) => x.id === id);
      if (!s) throw validationError(`The subnet ID '${id}' does not exist`);
      return s;
    });
    if (new Set(subnets.map((s) => s.vpcId)).size > 1) throw validationError('The subnets must all belong to the same VPC');
    return { subnets: ids, zones: [...new Set(subnets.map((s) => s.zone))] };
  }
  if (!zones?.length) throw validationError('At least one Availability Zone or VPC Subnet is required.');
  const subnets = zones.map((z) => {
    const s = world.subnets.find((x) => x.zone === z && x.vpcId === defaultVpc?.vpc_id);
    if (!s) throw validationError(`Invalid Availability Zone or no default subnet in it: ${z}`);
    return s.id;
  });
  return { subnets, zones: [...zones] };
}

export function checkTargetGroups(ctx: Ctx, arns: readonly string[]): void {
  for (const arn of arns) if (!targetGroupExists(ctx, arn)) throw validationError(`Provided Target Groups may not be valid. Please ensure they exist and try again.`);
}

export function checkLoadBalancers(ctx: Ctx, names: readonly string[]): void {
  for (const n of names) if (!classicExists(ctx, n)) throw validationError('Provided Load Balancers may not be valid. Please ensure they exist and try again.');
}
