/**
 * How network interfaces look from outside: their public addresses (an Elastic IP on a private
 * address wins over the address AWS assigned at launch) and the API's NetworkInterface structure,
 * also used inside DescribeInstances.
 *
 *   publicIpOf(ctx, eni, privateIp): { ip, allocationId?, associationId?, ownerId } | undefined
 *   eniOutput(ctx, eni, tags): NetworkInterface (DescribeNetworkInterfaces)
 *   instanceEniOutput(ctx, eni): InstanceNetworkInterface (DescribeInstances)
 *   groupIdentifiers(ctx, groupIds): { GroupId, GroupName }[]
 */
import type { Ctx } from '../../../core/provider';
import { addressOnPrivateIp } from './addresses';
import { groupIdsOf, privateDnsName, privateIpsOf, publicDnsName, type EniRow } from './network-interfaces';
import { findGroup } from './security-groups';
import { tagOutput, type Tag } from './tags';
import { findVpc } from './vpcs';

export interface PublicAddress {
  ip: string;
  allocationId?: string;
  associationId?: string;
  /** 'amazon' for an address AWS assigned, else the account that owns the Elastic IP. */
  ownerId: string;
}

export function publicIpOf(ctx: Ctx, eni: EniRow, privateIp: string, primary: boolean): PublicAddress | undefined {
  const eip = addressOnPrivateIp(ctx, eni.eni_id, privateIp);
  if (eip) return { ip: eip.public_ip, allocationId: eip.allocation_id, associationId: eip.association_id ?? undefined, ownerId: ctx.accountId };
  if (primary && eni.public_ip) return { ip: eni.public_ip, ownerId: 'amazon' };
  return undefined;
}

export function groupIdentifiers(ctx: Ctx, groupIds: readonly string[]) {
  return groupIds.map((id) => ({ GroupId: id, GroupName: findGroup(ctx, id)?.group_name ?? '' }));
}

function publicDnsFor(ctx: Ctx, eni: EniRow, ip: string): string {
  // AWS only names public addresses in VPCs with DNS hostnames turned on.
  const vpc = findVpc(ctx, eni.vpc_id);
  return vpc && vpc.enable_dns_hostnames === 1 ? publicDnsName(ctx.region, ip) : '';
}

function associationOutput(ctx: Ctx, eni: EniRow, pub: PublicAddress | undefined) {
  if (!pub) return undefined;
  return {
    IpOwnerId: pub.ownerId,
    PublicDnsName: publicDnsFor(ctx, eni, pub.ip),
    PublicIp: pub.ip,
    AllocationId: pub.allocationId,
    AssociationId: pub.associationId,
  };
}

function privateAddresses(ctx: Ctx, eni: EniRow) {
  return privateIpsOf(ctx, eni.eni_id).map((p) => ({
    Association: associationOutput(ctx, eni, publicIpOf(ctx, eni, p.private_ip, p.is_primary === 1)),
    Primary: p.is_primary === 1,
    PrivateDnsName: privateDnsName(ctx.region, p.private_ip),
    PrivateIpAddress: p.private_ip,
  }));
}

export function eniOutput(ctx: Ctx, eni: EniRow, tags: readonly Tag[]) {
  const ips = privateAddresses(ctx, eni);
  const primary = ips.find((p) => p.Primary);
  return {
    Association: primary?.Association,
    Attachment: eni.attachment_id
      ? {
          AttachTime: new Date(eni.attach_time!),
          AttachmentId: eni.attachment_id,
          DeleteOnTermination: eni.delete_on_termination === 1,
          DeviceIndex: eni.device_index!,
          NetworkCardIndex: 0,
          InstanceId: eni.instance_id ?? undefined,
          InstanceOwnerId: ctx.accountId,
          Status: 'attached',
        }
      : undefined,
    AvailabilityZone: eni.availability_zone,
    Description: eni.description,
    Groups: groupIdentifiers(ctx, groupIdsOf(ctx, eni.eni_id)),
    InterfaceType: eni.interface_type,
    Ipv6Addresses: [],
    MacAddress: eni.mac_address,
    NetworkInterfaceId: eni.eni_id,
    OwnerId: ctx.accountId,
    PrivateDnsName: primary?.PrivateDnsName,
    PrivateIpAddress: primary?.PrivateIpAddress,
    PrivateIpAddresses: ips,
    RequesterId: eni.requester_id ?? undefined,
    RequesterManaged: eni.requester_managed === 1,
    SourceDestCheck: eni.source_dest_check === 1,
    Status: eni.attachment_id || eni.interface_type !== 'interface' ? 'in-use' : 'available',
    SubnetId: eni.subnet_id,
    TagSet: tagOutput(tags) ?? [],
    VpcId: eni.vpc_id,
  };
}

/** The NetworkInterfaces member of an instance in DescribeInstances. */
export function instanceEniOutput(ctx: Ctx, eni: EniRow) {
  const ips = privateAddresses(ctx, eni);
  const primary = ips.find((p) => p.Primary);
  const strip = (a: ReturnType<typeof associationOutput>) =>
    a ? { IpOwnerId: a.IpOwnerId, PublicDnsName: a.PublicDnsName, PublicIp: a.PublicIp } : undefined;
  return {
    Association: strip(primary?.Association),
    Attachment: {
      AttachTime: new Date(eni.attach_time ?? eni.created_at),
      AttachmentId: eni.attachment_id ?? undefined,
      DeleteOnTermination: eni.delete_on_termination === 1,
      DeviceIndex: eni.device_index ?? 0,
      Status: 'attached',
      NetworkCardIndex: 0,
    },
    Description: eni.description,
    Groups: groupIdentifiers(ctx, groupIdsOf(ctx, eni.eni_id)),
    Ipv6Addresses: [],
    MacAddress: eni.mac_address,
    NetworkInterfaceId: eni.eni_id,
    OwnerId: ctx.accountId,
    PrivateDnsName: primary?.PrivateDnsName,
    PrivateIpAddress: primary?.PrivateIpAddress,
    PrivateIpAddresses: ips.map((p) => ({ ...p, Association: strip(p.Association) })),
    SourceDestCheck: eni.source_dest_check === 1,
    Status: 'in-use',
    SubnetId: eni.subnet_id,
    VpcId: eni.vpc_id,
    InterfaceType: eni.interface_type,
  };
}
