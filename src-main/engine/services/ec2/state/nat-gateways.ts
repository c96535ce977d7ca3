/**
 * NAT gateways: ec2_nat_gateways. A public NAT gateway holds an Elastic IP (associated with the
 * gateway's own requester-managed interface in its subnet) and goes pending → available after
 * NAT_PENDING_MS of simulated time; DeleteNatGateway goes deleting → deleted after NAT_DELETING_MS,
 * releasing the interface and the Elastic IP's association. A public gateway in a VPC without an
 * internet gateway ends 'failed' (Gateway.NotAttached) instead of 'available'. Deleted and failed
 * gateways stay visible for an hour, as in AWS.
 *
 * Transitions are computed from the simulated clock whenever the table is read (advanceNatGateways),
 * so they survive restarts and follow the clock's warp without any timer.
 *
 *   findNatGateway(ctx, id) / getNatGateway(ctx, id) / listNatGateways(ctx)
 *   createNatGateway(ctx, {subnet, connectivityType, allocation?}): NatRow
 *   startDeletingNatGateway(ctx, natId)
 *   advanceNatGateways(ctx)        applies due transitions
 *   natGatewayOutput(ctx, row, tags)
 */
import type { Ctx } from '../../../core/provider';
import { invalidNatGatewayIdMalformed, natGatewayNotFound } from '../errors';
import { ec2Id, isWellFormedId } from '../ids';
import { associate, disassociate, type AddressRow } from './addresses';
import { createNetworkInterface, deleteEni, primaryPrivateIp } from './network-interfaces';
import type { SubnetRow } from './subnets';
import { registerTaggable, tagOutput, type Tag } from './tags';

export const NAT_PENDING_MS = 60_000;
export const NAT_DELETING_MS = 30_000;
const DELETED_VISIBLE_MS = 60 * 60_000;

export interface NatRow {
  nat_id: string;
  vpc_id: string;
  subnet_id: string;
  connectivity_type: string;
  allocation_id: string | null;
  public_ip: string | null;
  eni_id: string | null;
  private_ip: string | null;
  state: 'pending' | 'available' | 'deleting' | 'deleted' | 'failed';
  failure_code: string | null;
  failure_message: string | null;
  created_at: number;
  available_at: number | null;
  delete_requested_at: number | null;
  deleted_at: number | null;
}

const COLUMNS = `nat_id, vpc_id, subnet_id, connectivity_type, allocation_id, public_ip, eni_id, private_ip, state, failure_code,
  failure_message, created_at, available_at, delete_requested_at, deleted_at`;

export function findNatGateway(ctx: Ctx, id: string): NatRow | undefined {
  advanceNatGateways(ctx);
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_nat_gateways WHERE account_id = ? AND region = ? AND nat_id = ?`)
    .get(ctx.accountId, ctx.region, id) as NatRow | undefined;
}

export function getNatGateway(ctx: Ctx, id: string): NatRow {
  if (!isWellFormedId('nat', id)) throw invalidNatGatewayIdMalformed(id);
  const row = findNatGateway(ctx, id);
  if (!row) throw natGatewayNotFound(id);
  return row;
}

export function listNatGateways(ctx: Ctx): NatRow[] {
  advanceNatGateways(ctx);
  return ctx.store
    .stmt(`SELECT ${COLUMNS} FROM ec2_nat_gateways WHERE account_id = ? AND region = ? ORDER BY id`)
    .all(ctx.accountId, ctx.region) as NatRow[];
}

export function createNatGateway(ctx: Ctx, opts: { subnet: SubnetRow; connectivityType: string; allocation?: AddressRow; privateIp?: string }): NatRow {
  const natId = ec2Id('nat');
  const eni = createNetworkInterface(ctx, {
    subnet: opts.subnet,
    groupIds: [],
    privateIp: opts.privateIp,
    description: `Interface for NAT Gateway ${natId}`,
    interfaceType: 'nat_gateway',
    requesterManaged: true,
  });
  const privateIp = primaryPrivateIp(ctx, eni.eni_id)!;
  if (opts.allocation) associate(ctx, opts.allocation.allocation_id, eni.eni_id, privateIp);
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO ec2_nat_gateways (account_id, region, nat_id, vpc_id, subnet_id, connectivity_type, allocation_id, public_ip, eni_id,
        private_ip, state, created_at, available_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    )
    .run(
      ctx.accountId,
      ctx.region,
      natId,
      opts.subnet.vpc_id,
      opts.subnet.subnet_id,
      opts.connectivityType,
      opts.allocation?.allocation_id ?? null,
      opts.allocation?.public_ip ?? null,
      eni.eni_id,
      privateIp,
      now,
      now + NAT_PENDING_MS,
    );
  return findNatGateway(ctx, natId)!;
}

export function startDeletingNatGateway(ctx: Ctx, natId: string): void {
  ctx.store
    .stmt(`UPDATE ec2_nat_gateways SET state = 'deleting', delete_requested_at = ? WHERE account_id = ? AND region = ? AND nat_id = ?`)
    .run(ctx.clock.now(), ctx.accountId, ctx.region, natId);
}

/** Applies every transition that is due on the simulated clock. */
export function advanceNatGateways(ctx: Ctx): void {
  const now = ctx.clock.now();
  const ready = ctx.store
    .stmt(
      `SELECT nat_id, vpc_id, connectivity_type, eni_id, allocation_id FROM ec2_nat_gateways
       WHERE account_id = ? AND region = ? AND state = 'pending' AND available_at <= ?`,
    )
    .all(ctx.accountId, ctx.region, now) as { nat_id: string; vpc_id: string; connectivity_type: string; eni_id: string | null; allocation_id: string | null }[];
  for (const r of ready) {
    // A public NAT gateway needs the VPC's internet gateway; without one AWS fails it.
    const igw = ctx.store
      .stmt('SELECT 1 FROM ec2_internet_gateways WHERE account_id = ? AND region = ? AND vpc_id = ?')
      .get(ctx.accountId, ctx.region, r.vpc_id);
    if (r.connectivity_type === 'public' && !igw) {
      if (r.allocation_id) disassociate(ctx, r.allocation_id);
      if (r.eni_id) deleteEni(ctx, r.eni_id);
      ctx.store
        .stmt(
          `UPDATE ec2_nat_gateways SET state = 'failed', failure_code = 'Gateway.NotAttached', failure_message = ?, deleted_at = ?,
            eni_id = NULL WHERE account_id = ? AND region = ? AND nat_id = ?`,
        )
        .run(`Network ${r.vpc_id} has no Internet gateway attached`, now, ctx.accountId, ctx.region, r.nat_id);
    } else {
      ctx.store.stmt(`UPDATE ec2_nat_gateways SET state = 'available' WHERE account_id = ? AND region = ? AND nat_id = ?`).run(ctx.accountId, ctx.region, r.nat_id);
    }
  }
  const due = ctx.store
    .stmt(
      `SELECT nat_id, eni_id, allocation_id FROM ec2_nat_gateways
       WHERE account_id = ? AND region = ? AND state = 'deleting' AND delete_requested_at <= ?`,
    )
    .all(ctx.accountId, ctx.region, now - NAT_DELETING_MS) as { nat_id: string; eni_id: string | null; allocation_id: string | null }[];
  for (const d of due) {
    if (d.allocation_id) disassociate(ctx, d.allocation_id);
    if (d.eni_id) deleteEni(ctx, d.eni_id);
    ctx.store
      .stmt(`UPDATE ec2_nat_gateways SET state = 'deleted', deleted_at = ? WHERE account_id = ? AND region = ? AND nat_id = ?`)
      .run(now, ctx.accountId, ctx.region, d.nat_id);
  }
  ctx.store
    .stmt(`DELETE FROM ec2_nat_gateways WHERE account_id = ? AND region = ? AND state IN ('deleted', 'failed') AND deleted_at <= ?`)
    .run(ctx.accountId, ctx.region, now - DELETED_VISIBLE_MS);
}

export function natGatewayOutput(ctx: Ctx, n: NatRow, tags: readonly Tag[]) {
  const hasAddress = n.state !== 'deleted' && n.state !== 'failed' && n.eni_id !== null;
  return {
    CreateTime: new Date(n.created_at),
    DeleteTime: n.state === 'deleted' && n.deleted_at !== null ? new Date(n.deleted_at) : undefined,
    FailureCode: n.failure_code ?? undefined,
    FailureMessage: n.failure_message ?? undefined,
    NatGatewayAddresses: [
      {
        AllocationId: n.allocation_id ?? undefined,
        NetworkInterfaceId: n.eni_id ?? undefined,
        PrivateIp: n.private_ip ?? undefined,
        PublicIp: n.public_ip ?? undefined,
        IsPrimary: true,
        Status: hasAddress ? (n.state === 'deleting' ? 'disassociating' : n.state === 'pending' ? 'associating' : 'succeeded') : 'succeeded',
      },
    ],
    NatGatewayId: n.nat_id,
    State: n.state,
    SubnetId: n.subnet_id,
    VpcId: n.vpc_id,
    Tags: tagOutput(tags) ?? [],
    ConnectivityType: n.connectivity_type,
  };
}

registerTaggable({
  prefix: 'nat',
  resourceType: 'natgateway',
  exists: (ctx, id) => findNatGateway(ctx, id) !== undefined,
  notFound: natGatewayNotFound,
});
