/**
 * What RunInstances, Start/Stop/TerminateInstances and DescribeInstances (the compute half) use
 * from the network half. All functions run inside the caller's transaction.
 *
 *   resolveSubnetForLaunch(ctx, { subnetId?, availabilityZone? }): SubnetRow
 *       a named subnet, else the default VPC's default subnet (in that zone, else in the first zone)
 *   resolveSecurityGroups(ctx, vpcId, { ids?, names? }): string[]
 *       ids must be in vpcId; names only in the default VPC; neither = the VPC's default group
 *   createPrimaryNetworkInterface(ctx, { subnetId, groupIds, privateIp?, instanceId, associatePublicIp? }): LaunchNetworking
 *   releaseInstanceNetworking(ctx, instanceId): void    on termination (delete-on-termination ENIs go)
 *   stopInstanceNetworking(ctx, instanceId): void       a stopped instance loses its AWS public address
 *   startInstanceNetworking(ctx, instanceId): void      ...and gets a new one when it starts
 *   instanceNetworkingView(ctx, instanceId): the network members of an Instance in DescribeInstances
 *   allocatePublicIp(ctx): string                       re-exported from addresses.ts
 *   privateDnsName(region, ip) / publicDnsName(region, ip)   re-exported from network-interfaces.ts
 */
import type { Ctx } from '../../../core/provider';
import {
  groupAndSubnetDifferentVpcs,
  groupNameWithSubnet,
  invalidGroupNotFoundInDefaultVpc,
  noDefaultSubnetForAz,
  subnetNotInAvailabilityZone,
  vpcIdNotSpecified,
} from '../errors';
import { addressOnPrivateIp, allocatePublicIp } from './addresses';
import { ensureDefaultVpc } from './default-vpc';
import { groupIdentifiers, instanceEniOutput, publicIpOf } from './eni-views';
import {
  attachEni,
  createNetworkInterface,
  deleteEni,
  detachEni,
  enisOfInstance,
  groupIdsOf,
  primaryPrivateIp,
  privateDnsName,
  publicDnsName,
  setPublicIp,
  type EniRow,
} from './network-interfaces';
import { defaultGroup, findGroupByName, getGroup } from './security-groups';
import { getSubnet, listSubnets, type SubnetRow } from './subnets';
import { findVpc } from './vpcs';

export { allocatePublicIp } from './addresses';
export { privateDnsName, publicDnsName } from './network-interfaces';
export { ensureDefaultVpc } from './default-vpc';

export function resolveSubnetForLaunch(ctx: Ctx, opts: { subnetId?: string; availabilityZone?: string }): SubnetRow {
  if (opts.subnetId) {
    const subnet = getSubnet(ctx, opts.subnetId);
    if (opts.availabilityZone && opts.availabilityZone !== subnet.availability_zone)
      throw subnetNotInAvailabilityZone(subnet.subnet_id, opts.availabilityZone);
    return subnet;
  }
  const vpc = ensureDefaultVpc(ctx);
  if (!vpc) throw vpcIdNotSpecified();
  const defaults = listSubnets(ctx, vpc.vpc_id).filter((s) => s.default_for_az === 1);
  const pick = opts.availabilityZone ? defaults.find((s) => s.availability_zone === opts.availabilityZone) : sortByZone(defaults)[0];
  if (!pick) throw opts.availabilityZone ? noDefaultSubnetForAz(opts.availabilityZone) : vpcIdNotSpecified();
  return pick;
}

const sortByZone = (subnets: SubnetRow[]): SubnetRow[] => [...subnets].sort((a, b) => a.availability_zone.localeCompare(b.availability_zone));

export function resolveSecurityGroups(
  ctx: Ctx,
  vpcId: string,
  opts: { ids?: readonly string[]; names?: readonly string[]; subnetId?: string },
): string[] {
  const out: string[] = [];
  for (const id of opts.ids ?? []) {
    const g = getGroup(ctx, id);
    if (g.vpc_id !== vpcId) throw groupAndSubnetDifferentVpcs(g.group_id, opts.subnetId ?? vpcId);
    if (!out.includes(g.group_id)) out.push(g.group_id);
  }
  if (opts.names && opts.names.length > 0) {
    const vpc = findVpc(ctx, vpcId);
    if (!vpc || vpc.is_default !== 1) throw groupNameWithSubnet();
    for (const name of opts.names) {
      const g = findGroupByName(ctx, vpcId, name);
      if (!g) throw invalidGroupNotFoundInDefaultVpc(name, vpcId);
      if (!out.includes(g.group_id)) out.push(g.group_id);
    }
  }
  if (out.length === 0) {
    const g = defaultGroup(ctx, vpcId);
    if (g) out.push(g.group_id);
  }
  return out;
}

export interface LaunchNetworking {
  networkInterfaceId: string;
  attachmentId: string;
  macAddress: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  privateIp: string;
  privateDnsName: string;
  publicIp?: string;
  /** '' when the VPC has DNS hostnames turned off, as AWS shows it. */
  publicDnsName: string;
}

export function createPrimaryNetworkInterface(
  ctx: Ctx,
  opts: { subnetId: string; groupIds: readonly string[]; privateIp?: string; instanceId: string; associatePublicIp?: boolean },
): LaunchNetworking {
  const subnet = getSubnet(ctx, opts.subnetId);
  const auto = opts.associatePublicIp ?? subnet.map_public_ip_on_launch === 1;
  const eni = createNetworkInterface(ctx, { subnet, groupIds: opts.groupIds, privateIp: opts.privateIp, autoPublicIp: auto });
  const attachmentId = attachEni(ctx, eni.eni_id, opts.instanceId, 0, true);
  const publicIp = auto ? allocatePublicIp(ctx) : undefined;
  if (publicIp) setPublicIp(ctx, eni.eni_id, publicIp);
  const privateIp = primaryPrivateIp(ctx, eni.eni_id)!;
  const vpc = findVpc(ctx, subnet.vpc_id);
  return {
    networkInterfaceId: eni.eni_id,
    attachmentId,
    macAddress: eni.mac_address,
    subnetId: subnet.subnet_id,
    vpcId: subnet.vpc_id,
    availabilityZone: subnet.availability_zone,
    privateIp,
    privateDnsName: privateDnsName(ctx.region, privateIp),
    publicIp,
    publicDnsName: publicIp && vpc?.enable_dns_hostnames === 1 ? publicDnsName(ctx.region, publicIp) : '',
  };
}

export function releaseInstanceNetworking(ctx: Ctx, instanceId: string): void {
  for (const eni of enisOfInstance(ctx, instanceId)) {
    if (eni.delete_on_termination === 1) deleteEni(ctx, eni.eni_id);
    else detachEni(ctx, eni.eni_id);
  }
}

export function stopInstanceNetworking(ctx: Ctx, instanceId: string): void {
  for (const eni of enisOfInstance(ctx, instanceId)) setPublicIp(ctx, eni.eni_id, null);
}

export function startInstanceNetworking(ctx: Ctx, instanceId: string): void {
  for (const eni of enisOfInstance(ctx, instanceId)) refreshAutoPublicIp(ctx, eni, true);
}

/**
 * The AWS-assigned public address of an interface: present while its instance runs (or is starting),
 * it has asked for one, and no Elastic IP sits on its primary private address.
 */
export function refreshAutoPublicIp(ctx: Ctx, eni: EniRow, instanceUp: boolean): void {
  const primary = primaryPrivateIp(ctx, eni.eni_id);
  const wants = instanceUp && eni.auto_public_ip === 1 && eni.device_index === 0 && primary !== undefined && !addressOnPrivateIp(ctx, eni.eni_id, primary);
  if (wants && !eni.public_ip) setPublicIp(ctx, eni.eni_id, allocatePublicIp(ctx));
  if (!wants && eni.public_ip) setPublicIp(ctx, eni.eni_id, null);
}

/** The network members of an Instance in DescribeInstances (empty members when it has no interface left). */
export function instanceNetworkingView(ctx: Ctx, instanceId: string) {
  const enis = enisOfInstance(ctx, instanceId);
  const primary = enis.find((e) => e.device_index === 0);
  if (!primary) return { NetworkInterfaces: [], SecurityGroups: [], PrivateDnsName: '', PublicDnsName: '' };
  const ip = primaryPrivateIp(ctx, primary.eni_id)!;
  const pub = publicIpOf(ctx, primary, ip, true);
  const vpc = findVpc(ctx, primary.vpc_id);
  return {
    PrivateIpAddress: ip,
    PrivateDnsName: privateDnsName(ctx.region, ip),
    PublicIpAddress: pub?.ip,
    PublicDnsName: pub && vpc?.enable_dns_hostnames === 1 ? publicDnsName(ctx.region, pub.ip) : '',
    SubnetId: primary.subnet_id,
    VpcId: primary.vpc_id,
    SourceDestCheck: primary.source_dest_check === 1,
    SecurityGroups: groupIdentifiers(ctx, groupIdsOf(ctx, primary.eni_id)),
    NetworkInterfaces: enis.map((e) => instanceEniOutput(ctx, e)),
  };
}
