/**
 * Elastic IP addresses (ec2_addresses) and the simulated public address pool.
 *
 *   allocatePublicIp(ctx): string          next address of the region's simulated pool (never reused)
 *   findAddress(ctx, allocationId) / getAddress(ctx, allocationId)
 *   findAddressByIp(ctx, ip)
 *   listAddresses(ctx): AddressRow[]
 *   insertAddress(ctx): AddressRow         AllocateAddress
 *   associate(ctx, allocationId, eniId, privateIp): associationId
 *   disassociate(ctx, allocationId)
 *   addressOnPrivateIp(ctx, eniId, privateIp): AddressRow | undefined
 *   addressOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { meterIdleAddress } from './costs';
import { formatIpv4 } from '../../../network/cidr';
import { invalidAllocationIdMalformed, invalidAllocationIdNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { registerTaggable, tagOutput, type Tag } from './tags';

export interface AddressRow {
  allocation_id: string;
  public_ip: string;
  association_id: string | null;
  network_interface_id: string | null;
  private_ip: string | null;
}

const COLUMNS = 'allocation_id, public_ip, association_id, network_interface_id, private_ip';

/** Where each region's simulated public addresses start (first two octets), like AWS's real blocks. */
const REGION_BLOCKS: Record<string, [number, number]> = {
  'us-east-1': [54, 160],
  'us-east-2': [3, 140],
  'us-west-1': [54, 183],
  'us-west-2': [34, 210],
  'eu-west-1': [54, 75],
  'eu-central-1': [18, 184],
};

function blockOf(region: string): [number, number] {
  const known = REGION_BLOCKS[region];
  if (known) return known;
  let h = 0;
  for (const c of region) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return [52, 16 + (h % 200)];
}

/**
 * The next public address of the region's pool: A.B.C.D with C.D counting up from .1.10, so every
 * address handed out (instance public IPs, Elastic IPs, NAT gateways) is distinct and predictable.
 */
export function allocatePublicIp(ctx: Ctx): string {
  const row = ctx.store.stmt('SELECT next FROM ec2_public_ip_seq WHERE region = ?').get(ctx.region) as { next: number } | undefined;
  const n = row?.next ?? 0;
  ctx.store
    .stmt('INSERT INTO ec2_public_ip_seq (region, next) VALUES (?, ?) ON CONFLICT (region) DO UPDATE SET next = excluded.next')
    .run(ctx.region, n + 1);
  const [a, b] = blockOf(ctx.region);
  const host = 256 + 10 + (n % 240) + Math.floor(n / 240) * 256;
  return formatIpv4(((a << 24) >>> 0) + (b << 16) + (host % 65536));
}

export function findAddress(ctx: Ctx, allocationId: string): AddressRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_addresses WHERE account_id = ? AND region = ? AND allocation_id = ?`)
    .get(ctx.accountId, ctx.region, allocationId) as AddressRow | undefined;
}

export function getAddress(ctx: Ctx, allocationId: string): AddressRow {
  if (!isWellFormedId('eipalloc', allocationId)) throw invalidAllocationIdMalformed(allocationId);
  const row = findAddress(ctx, allocationId);
  if (!row) throw invalidAllocationIdNotFound(allocationId);
  return row;
}

export function findAddressByIp(ctx: Ctx, ip: string): AddressRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_addresses WHERE account_id = ? AND region = ? AND public_ip = ?`)
    .get(ctx.accountId, ctx.region, ip) as AddressRow | undefined;
}

export function findAddressByAssociation(ctx: Ctx, associationId: string): AddressRow | undefined {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_addresses WHERE account_id = ? AND region = ? AND association_id = ?`)
    .get(ctx.accountId, ctx.region, associationId) as AddressRow | undefined;
}

export function listAddresses(ctx: Ctx): AddressRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_addresses WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as AddressRow[];
}

export function addressesOfEni(ctx: Ctx, eniId: string): AddressRow[] {
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_addresses WHERE account_id = ? AND region = ? AND network_interface_id = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region, eniId) as AddressRow[];
}

export function addressOnPrivateIp(ctx: Ctx, eniId: string, privateIp: string): AddressRow | undefined {
  return addressesOfEni(ctx, eniId).find((a) => a.private_ip === privateIp);
}

export function insertAddress(ctx: Ctx): AddressRow {
  const row: AddressRow = {
    allocation_id: ec2Id('eipalloc'),
    public_ip: allocatePublicIp(ctx),
    association_id: null,
    network_interface_id: null,
    private_ip: null,
  };
  ctx.store
    .stmt('INSERT INTO ec2_addresses (account_id, region, allocation_id, public_ip, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, row.allocation_id, row.public_ip, ctx.clock.now());
  meterIdleAddress(ctx, row.allocation_id, true); // an allocated, unused address is billed (§3.6)
  return row;
}

export function associate(ctx: Ctx, allocationId: string, eniId: string, privateIp: string): string {
  const associationId = ec2Id('eipassoc');
  ctx.store
    .stmt(
      `UPDATE ec2_addresses SET association_id = ?, network_interface_id = ?, private_ip = ?
       WHERE account_id = ? AND region = ? AND allocation_id = ?`,
    )
    .run(associationId, eniId, privateIp, ctx.accountId, ctx.region, allocationId);
  meterIdleAddress(ctx, allocationId, false);
  return associationId;
}

export function disassociate(ctx: Ctx, allocationId: string): void {
  ctx.store
    .stmt(
      `UPDATE ec2_addresses SET association_id = NULL, network_interface_id = NULL, private_ip = NULL
       WHERE account_id = ? AND region = ? AND allocation_id = ?`,
    )
    .run(ctx.accountId, ctx.region, allocationId);
  meterIdleAddress(ctx, allocationId, true);
}

export function deleteAddressRow(ctx: Ctx, allocationId: string): void {
  meterIdleAddress(ctx, allocationId, false);
  ctx.store.stmt('DELETE FROM ec2_addresses WHERE account_id = ? AND region = ? AND allocation_id = ?').run(ctx.accountId, ctx.region, allocationId);
}

export function addressOutput(ctx: Ctx, a: AddressRow, instanceId: string | undefined, tags: readonly Tag[]) {
  return {
    AllocationId: a.allocation_id,
    AssociationId: a.association_id ?? undefined,
    Domain: 'vpc',
    InstanceId: instanceId,
    NetworkInterfaceId: a.network_interface_id ?? undefined,
    NetworkInterfaceOwnerId: a.network_interface_id ? ctx.accountId : undefined,
    PrivateIpAddress: a.private_ip ?? undefined,
    PublicIp: a.public_ip,
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: ctx.region,
    Tags: tagOutput(tags),
  };
}

registerTaggable({
  prefix: 'eipalloc',
  resourceType: 'elastic-ip',
  exists: (ctx, id) => findAddress(ctx, id) !== undefined,
  notFound: invalidAllocationIdNotFound,
});
