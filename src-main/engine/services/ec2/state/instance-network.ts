/**
 * The networking half of an instance as DescribeInstances shows it, read in one batch from the
 * network half's tables (interfaces, their private IPs, groups, Elastic IPs, VPC DNS settings):
 * 5,000 instances must describe in milliseconds, so no per-instance queries.
 */
import type { Ctx } from '../../../core/provider';
import { privateDnsName, publicDnsName } from './network-interfaces';

export { privateDnsName, publicDnsName } from './network-interfaces';

export interface EniView {
  eniId: string;
  subnetId: string;
  vpcId: string;
  description: string;
  macAddress: string;
  sourceDestCheck: boolean;
  deviceIndex: number;
  attachmentId: string | null;
  attachTime: number | null;
  deleteOnTermination: boolean;
  privateIps: { ip: string; primary: boolean; publicIp?: string; eip: boolean }[];
  groups: { GroupId: string; GroupName: string }[];
  /** Public address of the primary private IP: the Elastic IP if one is associated, else the launch one. */
  publicIp?: string;
  publicIsElastic: boolean;
  dnsHostnames: boolean;
}

interface EniRow {
  eni_id: string;
  subnet_id: string;
  vpc_id: string;
  description: string;
  mac_address: string;
  source_dest_check: number;
  public_ip: string | null;
  attachment_id: string | null;
  instance_id: string;
  device_index: number;
  attach_time: number | null;
  delete_on_termination: number | null;
  dns_hostnames: number | null;
}

/** The interfaces attached to each of `instanceIds`, by device index. */
export function networkOfInstances(ctx: Ctx, instanceIds: readonly string[]): Map<string, EniView[]> {
  const out = new Map<string, EniView[]>();
  if (instanceIds.length === 0) return out;
  const ids = JSON.stringify(instanceIds);
  const enis = ctx.store
    .stmt(
      `SELECT e.eni_id, e.subnet_id, e.vpc_id, e.description, e.mac_address, e.source_dest_check, e.public_ip, e.attachment_id,
              e.instance_id, e.device_index, e.attach_time, e.delete_on_termination, v.enable_dns_hostnames AS dns_hostnames
       FROM ec2_network_interfaces e LEFT JOIN ec2_vpcs v ON v.vpc_id = e.vpc_id
       WHERE e.account_id = ? AND e.region = ? AND e.instance_id IN (SELECT value FROM json_each(?))
       ORDER BY e.instance_id, e.device_index`,
    )
    .all(ctx.accountId, ctx.region, ids) as EniRow[];
  if (enis.length === 0) return out;
  const eniIds = JSON.stringify(enis.map((e) => e.eni_id));
  const ips = ctx.store
    .stmt(
      `SELECT eni_id, private_ip, is_primary FROM ec2_eni_private_ips WHERE eni_id IN (SELECT value FROM json_each(?))
       ORDER BY eni_id, is_primary DESC, ip_num`,
    )
    .all(eniIds) as { eni_id: string; private_ip: string; is_primary: number }[];
  const groups = ctx.store
    .stmt(
      `SELECT g.eni_id, g.group_id, s.group_name FROM ec2_eni_groups g JOIN ec2_security_groups s ON s.group_id = g.group_id
       WHERE g.eni_id IN (SELECT value FROM json_each(?)) ORDER BY g.eni_id, g.position`,
    )
    .all(eniIds) as { eni_id: string; group_id: string; group_name: string }[];
  const eips = ctx.store
    .stmt(
      `SELECT network_interface_id AS eni_id, private_ip, public_ip FROM ec2_addresses
       WHERE account_id = ? AND region = ? AND network_interface_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ctx.accountId, ctx.region, eniIds) as { eni_id: string; private_ip: string; public_ip: string }[];
  const ipsBy = groupBy(ips, (r) => r.eni_id);
  const groupsBy = groupBy(groups, (r) => r.eni_id);
  const eipBy = new Map(eips.map((e) => [`${e.eni_id}|${e.private_ip}`, e.public_ip]));
  for (const e of enis) {
    const privateIps = (ipsBy.get(e.eni_id) ?? []).map((r) => {
      const eip = eipBy.get(`${e.eni_id}|${r.private_ip}`);
      const publicIp = eip ?? (r.is_primary ? (e.public_ip ?? undefined) : undefined);
      return { ip: r.private_ip, primary: r.is_primary === 1, publicIp, eip: eip !== undefined };
    });
    const primary = privateIps.find((p) => p.primary);
    const view: EniView = {
      eniId: e.eni_id,
      subnetId: e.subnet_id,
      vpcId: e.vpc_id,
      description: e.description,
      macAddress: e.mac_address,
      sourceDestCheck: e.source_dest_check === 1,
      deviceIndex: e.device_index,
      attachmentId: e.attachment_id,
      attachTime: e.attach_time,
      deleteOnTermination: e.delete_on_termination === 1,
      privateIps,
      groups: (groupsBy.get(e.eni_id) ?? []).map((g) => ({ GroupId: g.group_id, GroupName: g.group_name })),
      publicIp: primary?.publicIp,
      publicIsElastic: primary?.eip ?? false,
      dnsHostnames: e.dns_hostnames === 1,
    };
    let list = out.get(e.instance_id);
    if (!list) out.set(e.instance_id, (list = []));
    list.push(view);
  }
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(r);
  }
  return m;
}

/** The API's InstanceNetworkInterface list. */
export function networkInterfacesOutput(ctx: Ctx, enis: readonly EniView[]): Record<string, unknown>[] {
  return enis.map((e) => {
    const primary = e.privateIps.find((p) => p.primary);
    const association = (p: { publicIp?: string; eip: boolean }) =>
      p.publicIp
        ? { IpOwnerId: p.eip ? ctx.accountId : 'amazon', PublicDnsName: e.dnsHostnames ? publicDnsName(ctx.region, p.publicIp) : '', PublicIp: p.publicIp }
        : undefined;
    return {
      Association: primary ? association(primary) : undefined,
      Attachment: {
        AttachTime: e.attachTime !== null ? new Date(e.attachTime) : undefined,
        AttachmentId: e.attachmentId ?? undefined,
        DeleteOnTermination: e.deleteOnTermination,
        DeviceIndex: e.deviceIndex,
        Status: 'attached',
        NetworkCardIndex: 0,
      },
      Description: e.description,
      Groups: e.groups,
      Ipv6Addresses: [],
      MacAddress: e.macAddress,
      NetworkInterfaceId: e.eniId,
      OwnerId: ctx.accountId,
      PrivateDnsName: primary ? privateDnsName(ctx.region, primary.ip) : undefined,
      PrivateIpAddress: primary?.ip,
      PrivateIpAddresses: e.privateIps.map((p) => ({
        Association: association(p),
        Primary: p.primary,
        PrivateDnsName: privateDnsName(ctx.region, p.ip),
        PrivateIpAddress: p.ip,
      })),
      SourceDestCheck: e.sourceDestCheck,
      Status: 'in-use',
      SubnetId: e.subnetId,
      VpcId: e.vpcId,
      InterfaceType: 'interface',
    };
  });
}
