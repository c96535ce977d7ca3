/**
 * Network interfaces: ec2_network_interfaces, their private addresses (ec2_eni_private_ips, unique
 * per subnet) and their security groups (ec2_eni_groups).
 *
 *   findEni(ctx, id) / getEni(ctx, id) / listEnis(ctx) / enisOfInstance(ctx, instanceId)
 *   createNetworkInterface(ctx, {subnet, groupIds, privateIp?, secondaryCount?, description,
 *                                interfaceType?, requesterManaged?, autoPublicIp?}): EniRow
 *   allocatePrivateIp(ctx, subnet, requested?): string     lowest free address after the 4 reserved ones
 *   privateIpsOf(ctx, eniId): {private_ip, is_primary}[]   primary first
 *   groupIdsOf(ctx, eniId): string[]; setGroups(ctx, eniId, groupIds)
 *   attachEni(ctx, eniId, instanceId, deviceIndex, deleteOnTermination): attachmentId
 *   detachEni(ctx, eniId); deleteEni(ctx, eniId)
 *   privateDnsName(region, ip) → ip-10-0-1-5.ec2.internal | ip-10-0-1-5.REGION.compute.internal
 *   publicDnsName(region, ip)  → ec2-54-1-2-3.compute-1.amazonaws.com | ec2-….REGION.compute.amazonaws.com
 */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { cidrContainsIp, formatIpv4, parseCidr, parseIpv4 } from '../../../network/cidr';
import {
  invalidIpAddress,
  invalidNetworkInterfaceIdMalformed,
  invalidNetworkInterfaceIdNotFound,
  privateIpInUse,
  privateIpOutsideSubnet,
  privateIpReserved,
  subnetFull,
} from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import type { SubnetRow } from './subnets';
import { deleteAllTags, registerTaggable } from './tags';

export interface EniRow {
  eni_id: string;
  subnet_id: string;
  vpc_id: string;
  availability_zone: string;
  description: string;
  interface_type: string;
  mac_address: string;
  source_dest_check: number;
  requester_managed: number;
  requester_id: string | null;
  auto_public_ip: number;
  public_ip: string | null;
  attachment_id: string | null;
  instance_id: string | null;
  device_index: number | null;
  attach_time: number | null;
  delete_on_termination: number | null;
  created_at: number;
}

const COLUMNS = `eni_id, subnet_id, vpc_id, availability_zone, description, interface_type, mac_address, source_dest_check,
  requester_managed, requester_id, auto_public_ip, public_ip, attachment_id, instance_id, device_index, attach_time,
  delete_on_termination, created_at`;

export function findEni(ctx: Ctx, id: string): EniRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND eni_id = ?`)
    .get(ctx.accountId, ctx.region, id) as EniRow | undefined;
}

export function getEni(ctx: Ctx, id: string): EniRow {
  if (!isWellFormedId('eni', id)) throw invalidNetworkInterfaceIdMalformed(id);
  const row = findEni(ctx, id);
  if (!row) throw invalidNetworkInterfaceIdNotFound(id);
  return row;
}

export function listEnis(ctx: Ctx): EniRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_network_interfaces WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as EniRow[];
}

export function enisOfInstance(ctx: Ctx, instanceId: string): EniRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND instance_id = ? ORDER BY device_index`)
    .all(ctx.accountId, ctx.region, instanceId) as EniRow[];
}

export function enisOfSubnet(ctx: Ctx, subnetId: string): EniRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND subnet_id = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region, subnetId) as EniRow[];
}

/** A locally administered unicast MAC, as EC2 gives its interfaces (02:…, 06:…, 0a:…, 0e:…). */
function newMacAddress(): string {
  const b = randomBytes(6);
  b[0] = [0x02, 0x06, 0x0a, 0x0e, 0x12, 0x16][b[0]! % 6]!;
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/**
 * A private address in the subnet. A requested one must lie inside the block, outside AWS's five
 * reserved addresses (network, +1 router, +2 DNS, +3 future, broadcast) and be free.
 */
export function allocatePrivateIp(ctx: Ctx, subnet: SubnetRow, requested?: string): { ip: string; num: number } {
  const block = parseCidr(subnet.cidr_block)!;
  const taken = (num: number) => ctx.store.stmt('SELECT 1 FROM ec2_eni_private_ips WHERE subnet_id = ? AND ip_num = ?').get(subnet.subnet_id, num) !== undefined;
  if (requested !== undefined) {
    const num = parseIpv4(requested);
    if (num === undefined) throw invalidIpAddress(requested);
    if (!cidrContainsIp(block, num)) throw privateIpOutsideSubnet(requested, subnet.cidr_block);
    if (num - block.first < 4 || num === block.last) throw privateIpReserved(requested);
    if (taken(num)) throw privateIpInUse(requested);
    return { ip: requested, num };
  }
  const used = new Set(
    (ctx.store.stmt('SELECT ip_num FROM ec2_eni_private_ips WHERE subnet_id = ?').all(subnet.subnet_id) as { ip_num: number }[]).map(
      (r) => r.ip_num,
    ),
  );
  for (let num = block.first + 4; num < block.last; num++) if (!used.has(num)) return { ip: formatIpv4(num), num };
  throw subnetFull(subnet.subnet_id);
}

export function addPrivateIp(ctx: Ctx, eni: { eni_id: string }, subnet: SubnetRow, requested: string | undefined, primary: boolean): string {
  const { ip, num } = allocatePrivateIp(ctx, subnet, requested);
  ctx.store
    .stmt('INSERT INTO ec2_eni_private_ips (account_id, region, eni_id, subnet_id, private_ip, ip_num, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, eni.eni_id, subnet.subnet_id, ip, num, primary ? 1 : 0);
  return ip;
}

export function removePrivateIp(ctx: Ctx, eniId: string, ip: string): void {
  ctx.store.stmt('DELETE FROM ec2_eni_private_ips WHERE eni_id = ? AND private_ip = ?').run(eniId, ip);
}

export function privateIpsOf(ctx: Ctx, eniId: string): { private_ip: string; is_primary: number }[] {
  return ctx.store
    .stmt('SELECT private_ip, is_primary FROM ec2_eni_private_ips WHERE eni_id = ? ORDER BY is_primary DESC, ip_num')
    .all(eniId) as { private_ip: string; is_primary: number }[];
}

export function primaryPrivateIp(ctx: Ctx, eniId: string): string | undefined {
  return (ctx.store.stmt('SELECT private_ip FROM ec2_eni_private_ips WHERE eni_id = ? AND is_primary = 1').get(eniId) as { private_ip: string } | undefined)
    ?.private_ip;
}

export function groupIdsOf(ctx: Ctx, eniId: string): string[] {
  return (ctx.store.stmt('SELECT group_id FROM ec2_eni_groups WHERE eni_id = ? ORDER BY position').all(eniId) as { group_id: string }[]).map(
    (r) => r.group_id,
  );
}

export function setGroups(ctx: Ctx, eniId: string, groupIds: readonly string[]): void {
  ctx.store.stmt('DELETE FROM ec2_eni_groups WHERE eni_id = ?').run(eniId);
  const insert = ctx.store.stmt('INSERT OR IGNORE INTO ec2_eni_groups (eni_id, group_id, position) VALUES (?, ?, ?)');
  groupIds.forEach((g, i) => insert.run(eniId, g, i));
}

export interface NewEni {
  subnet: SubnetRow;
  groupIds: readonly string[];
  privateIp?: string;
  secondaryIps?: readonly string[];
  secondaryCount?: number;
  description?: string;
  interfaceType?: string;
  requesterManaged?: boolean;
  autoPublicIp?: boolean;
}

export function createNetworkInterface(ctx: Ctx, opts: NewEni): EniRow {
  const row: EniRow = {
    eni_id: ec2Id('eni'),
    subnet_id: opts.subnet.subnet_id,
    vpc_id: opts.subnet.vpc_id,
    availability_zone: opts.subnet.availability_zone,
    description: opts.description ?? '',
    interface_type: opts.interfaceType ?? 'interface',
    mac_address: newMacAddress(),
    source_dest_check: 1,
    requester_managed: opts.requesterManaged ? 1 : 0,
    requester_id: opts.requesterManaged ? 'AWS' : null,
    auto_public_ip: opts.autoPublicIp ? 1 : 0,
    public_ip: null,
    attachment_id: null,
    instance_id: null,
    device_index: null,
    attach_time: null,
    delete_on_termination: null,
    created_at: ctx.clock.now(),
  };
  ctx.store
    .stmt(
      `INSERT INTO ec2_network_interfaces (account_id, region, ${COLUMNS}) VALUES (@account_id, @region, @eni_id, @subnet_id, @vpc_id,
        @availability_zone, @description, @interface_type, @mac_address, @source_dest_check, @requester_managed, @requester_id,
        @auto_public_ip, @public_ip, @attachment_id, @instance_id, @device_index, @attach_time, @delete_on_termination, @created_at)`,
    )
    .run({ account_id: ctx.accountId, region: ctx.region, ...row });
  addPrivateIp(ctx, row, opts.subnet, opts.privateIp, true);
  for (const ip of opts.secondaryIps ?? []) addPrivateIp(ctx, row, opts.subnet, ip, false);
  for (let i = 0; i < (opts.secondaryCount ?? 0); i++) addPrivateIp(ctx, row, opts.subnet, undefined, false);
  setGroups(ctx, row.eni_id, opts.groupIds);
  return row;
}

export function attachEni(ctx: Ctx, eniId: string, instanceId: string, deviceIndex: number, deleteOnTermination: boolean): string {
  const attachmentId = ec2Id('eni-attach');
  ctx.store
    .stmt(
      `UPDATE ec2_network_interfaces SET attachment_id = ?, instance_id = ?, device_index = ?, attach_time = ?, delete_on_termination = ?
       WHERE account_id = ? AND region = ? AND eni_id = ?`,
    )
    .run(attachmentId, instanceId, deviceIndex, ctx.clock.now(), deleteOnTermination ? 1 : 0, ctx.accountId, ctx.region, eniId);
  return attachmentId;
}

export function detachEni(ctx: Ctx, eniId: string): void {
  ctx.store
    .stmt(
      `UPDATE ec2_network_interfaces SET attachment_id = NULL, instance_id = NULL, device_index = NULL, attach_time = NULL,
        delete_on_termination = NULL, public_ip = NULL WHERE account_id = ? AND region = ? AND eni_id = ?`,
    )
    .run(ctx.accountId, ctx.region, eniId);
}

export function setPublicIp(ctx: Ctx, eniId: string, ip: string | null): void {
  ctx.store.stmt('UPDATE ec2_network_interfaces SET public_ip = ? WHERE account_id = ? AND region = ? AND eni_id = ?').run(ip, ctx.accountId, ctx.region, eniId);
}

export function setSourceDestCheck(ctx: Ctx, eniId: string, value: boolean): void {
  ctx.store
    .stmt('UPDATE ec2_network_interfaces SET source_dest_check = ? WHERE account_id = ? AND region = ? AND eni_id = ?')
    .run(value ? 1 : 0, ctx.accountId, ctx.region, eniId);
}

export function setDescription(ctx: Ctx, eniId: string, description: string): void {
  ctx.store
    .stmt('UPDATE ec2_network_interfaces SET description = ? WHERE account_id = ? AND region = ? AND eni_id = ?')
    .run(description, ctx.accountId, ctx.region, eniId);
}

export function setDeleteOnTermination(ctx: Ctx, eniId: string, value: boolean): void {
  ctx.store
    .stmt('UPDATE ec2_network_interfaces SET delete_on_termination = ? WHERE account_id = ? AND region = ? AND eni_id = ?')
    .run(value ? 1 : 0, ctx.accountId, ctx.region, eniId);
}

/** Removes the interface with its addresses, groups and tags; Elastic IPs on it are disassociated. */
export function deleteEni(ctx: Ctx, eniId: string): void {
  ctx.store
    .stmt(
      `UPDATE ec2_addresses SET association_id = NULL, network_interface_id = NULL, private_ip = NULL
       WHERE account_id = ? AND region = ? AND network_interface_id = ?`,
    )
    .run(ctx.accountId, ctx.region, eniId);
  ctx.store.stmt('DELETE FROM ec2_eni_private_ips WHERE eni_id = ?').run(eniId);
  ctx.store.stmt('DELETE FROM ec2_eni_groups WHERE eni_id = ?').run(eniId);
  ctx.store.stmt('DELETE FROM ec2_network_interfaces WHERE account_id = ? AND region = ? AND eni_id = ?').run(ctx.accountId, ctx.region, eniId);
  deleteAllTags(ctx, eniId);
}

export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(region: string, ip: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

registerTaggable({
  prefix: 'eni',
  resourceType: 'network-interface',
  exists: (ctx, id) => findEni(ctx, id) !== undefined,
  notFound: invalidNetworkInterfaceIdNotFound,
});
