/**
 * What the account's EC2 resources cost, on the simulated clock (§1.4, §3.8, §G.1 prices).
 *
 * A usage meter (ec2_usage) records, per billable resource, intervals during which it accrues at a
 * fixed price per hour: a running instance (its type's on-demand price), a volume (GiB × its type's
 * GB-month price), a snapshot (GiB), an Elastic IP that is allocated but not associated. The free
 * tier is applied per calendar month (UTC) and pool: 750 hours of t2.micro/t3.micro, 30 GB-months
 * of EBS storage (gp2, gp3, magnetic), 1 GB-month of snapshots. A pool is consumed in time order,
 * so within a month everything before the moment the pool runs out is free and everything after
 * is billed.
 *
 *   startUsage(ctx, {resourceId, usageType, item, quantity, pricePerHour}, at?)
 *   stopUsage(ctx, resourceId, usageType, at?)
 *   meterIdleAddress(ctx, allocationId, idle, at?)      for the network half's Elastic IPs
 *   costReport(ctx, {from, to}): CostReport             every region of the caller's account
 */
import type { Ctx } from '../../../core/provider';
import { findInstanceType } from './instance-types';

export type UsageType = 'instance' | 'volume' | 'snapshot' | 'idle-address';

/** Hours in a billing month for GB-month prices (AWS prorates storage by the hour). */
export const HOURS_PER_MONTH = 730;
const HOUR_MS = 3_600_000;

/** USD per GB-month, us-east-1. */
export const VOLUME_PRICES: Readonly<Record<string, number>> = {
  gp2: 0.1,
  gp3: 0.08,
  io1: 0.125,
  io2: 0.125,
  st1: 0.045,
  sc1: 0.015,
  standard: 0.05,
};
export const PROVISIONED_IOPS_PRICE = 0.065; // per provisioned IOPS-month (io1/io2)
export const SNAPSHOT_PRICE = 0.05; // per GB-month
export const IDLE_ADDRESS_PRICE = 0.005; // per hour
/** Linux instances are billed per second with a one-minute minimum (§3.8). */
export const MINIMUM_INSTANCE_BILLING_MS = 60_000;

export const FREE_TIER = {
  instanceHours: 750,
  ebsGbMonths: 30,
  snapshotGbMonths: 1,
} as const;

const FREE_VOLUME_TYPES = new Set(['gp2', 'gp3', 'standard']);

export interface UsageStart {
  resourceId: string;
  usageType: UsageType;
  item: string;
  quantity: number;
  pricePerHour: number;
}

/** Opens a meter interval (closing an open one of the same resource and type first). */
export function startUsage(ctx: Ctx, usage: UsageStart, at = ctx.clock.now()): void {
  stopUsage(ctx, usage.resourceId, usage.usageType, at);
  ctx.store
    .stmt(
      `INSERT INTO ec2_usage (account_id, region, resource_id, usage_type, item, quantity, price_per_hour, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, usage.resourceId, usage.usageType, usage.item, usage.quantity, usage.pricePerHour, at);
}

export function stopUsage(ctx: Ctx, resourceId: string, usageType: UsageType, at = ctx.clock.now()): void {
  ctx.store
    .stmt('UPDATE ec2_usage SET ended_at = MAX(started_at, ?) WHERE resource_id = ? AND usage_type = ? AND ended_at IS NULL')
    .run(at, resourceId, usageType);
}

/** Storage price per hour of one GiB (plus provisioned IOPS for io1/io2, folded into the per-GiB rate). */
export function volumeUsage(volumeId: string, type: string, sizeGiB: number, iops: number | null, multiplier: number): UsageStart {
  const storage = (VOLUME_PRICES[type] ?? VOLUME_PRICES.gp2!) * sizeGiB;
  const piops = type === 'io1' || type === 'io2' ? PROVISIONED_IOPS_PRICE * (iops ?? 0) : 0;
  return {
    resourceId: volumeId,
    usageType: 'volume',
    item: type,
    quantity: sizeGiB,
    pricePerHour: sizeGiB > 0 ? ((storage + piops) * multiplier) / HOURS_PER_MONTH / sizeGiB : 0,
  };
}

/** The network half calls this when an Elastic IP becomes idle (allocated, unassociated) or busy. */
export function meterIdleAddress(ctx: Ctx, allocationId: string, idle: boolean, at = ctx.clock.now()): void {
  if (idle) startUsage(ctx, { resourceId: allocationId, usageType: 'idle-address', item: 'address', quantity: 1, pricePerHour: IDLE_ADDRESS_PRICE }, at);
  else stopUsage(ctx, allocationId, 'idle-address', at);
}

export interface UsageRow {
  region: string;
  resource_id: string;
  usage_type: UsageType;
  item: string;
  quantity: number;
  price_per_hour: number;
  started_at: number;
  ended_at: number | null;
}

export interface CostLine {
  region: string;
  usageType: UsageType;
  item: string;
  /** Instance-hours, GB-months or address-hours in the period (before the free tier). */
  usage: number;
  unit: 'Hrs' | 'GB-Mo';
  /** USD before the free tier, and what the free tier took off. */
  gross: number;
  freeTier: number;
  cost: number;
}

export interface CostReport {
  from: number;
  to: number;
  lines: CostLine[];
  gross: number;
  freeTier: number;
  total: number;
}

type Pool = 'instance' | 'ebs' | 'snapshot';

function poolOf(row: UsageRow): Pool | undefined {
  if (row.usage_type === 'instance') return findInstanceType(row.item)?.freeTierEligible ? 'instance' : undefined;
  if (row.usage_type === 'volume') return FREE_VOLUME_TYPES.has(row.item) ? 'ebs' : undefined;
  if (row.usage_type === 'snapshot') return 'snapshot';
  return undefined;
}

/** Free allowance of a pool per month, in quantity-hours. */
const ALLOWANCE: Record<Pool, number> = {
  instance: FREE_TIER.instanceHours,
  ebs: FREE_TIER.ebsGbMonths * HOURS_PER_MONTH,
  snapshot: FREE_TIER.snapshotGbMonths * HOURS_PER_MONTH,
};

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

function monthStart(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
function nextMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

interface Segment {
  row: UsageRow;
  start: number;
  end: number;
}

/**
 * When a pool's free allowance runs out within [m0, m1): the time at which the cumulative
 * quantity-hours of its segments reach `allowance` (Infinity if never).
 */
export function exhaustionTime(segments: readonly Segment[], m0: number, m1: number, allowance: number): number {
  const points = new Set<number>([m0, m1]);
  for (const s of segments) {
    if (s.start > m0 && s.start < m1) points.add(s.start);
    if (s.end > m0 && s.end < m1) points.add(s.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  let used = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const t0 = sorted[i]!;
    const t1 = sorted[i + 1]!;
    let rate = 0; // quantity per hour
    for (const s of segments) if (s.start <= t0 && s.end >= t1) rate += s.row.quantity;
    const gain = (rate * (t1 - t0)) / HOUR_MS;
    if (used + gain >= allowance && rate > 0) return t0 + ((allowance - used) / rate) * HOUR_MS;
    used += gain;
  }
  return Infinity;
}

/** The account's EC2 costs in [from, to), every region, per usage type and item. */
export function costReport(ctx: Ctx, period: { from: number; to: number }): CostReport {
  const now = ctx.clock.now();
  const m0 = monthStart(period.from);
  const rows = ctx.store
    .stmt(
      `SELECT region, resource_id, usage_type, item, quantity, price_per_hour, started_at, ended_at FROM ec2_usage
       WHERE account_id = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY id`,
    )
    .all(ctx.accountId, period.to, m0) as UsageRow[];
  const segments: Segment[] = rows.map((row) => {
    let end = row.ended_at ?? Math.max(now, row.started_at);
    if (row.usage_type === 'instance' && row.ended_at !== null) end = Math.max(end, row.started_at + MINIMUM_INSTANCE_BILLING_MS);
    return { row, start: row.started_at, end };
  });
  const lines = new Map<string, CostLine>();
  const lineOf = (row: UsageRow): CostLine => {
    const key = `${row.region}|${row.usage_type}|${row.item}`;
    let line = lines.get(key);
    if (!line) {
      const unit = row.usage_type === 'volume' || row.usage_type === 'snapshot' ? 'GB-Mo' : 'Hrs';
      line = { region: row.region, usageType: row.usage_type, item: row.item, usage: 0, unit, gross: 0, freeTier: 0, cost: 0 };
      lines.set(key, line);
    }
    return line;
  };
  for (let month = m0; month < period.to; month = nextMonth(month)) {
    const mEnd = nextMonth(month);
    const exhausted = new Map<Pool, number>();
    for (const pool of ['instance', 'ebs', 'snapshot'] as const) {
      const inPool = segments.filter((s) => poolOf(s.row) === pool);
      exhausted.set(pool, inPool.length ? exhaustionTime(inPool, month, mEnd, ALLOWANCE[pool]) : Infinity);
    }
    const p0 = Math.max(month, period.from);
    const p1 = Math.min(mEnd, period.to);
    for (const s of segments) {
      const hours = overlap(s.start, s.end, p0, p1) / HOUR_MS;
      if (hours === 0) continue;
      const pool = poolOf(s.row);
      const freeUntil = pool ? Math.min(exhausted.get(pool)!, p1) : p0;
      const freeHours = overlap(s.start, s.end, p0, Math.max(p0, freeUntil)) / HOUR_MS;
      const line = lineOf(s.row);
      const gross = hours * s.row.quantity * s.row.price_per_hour;
      const free = freeHours * s.row.quantity * s.row.price_per_hour;
      line.usage += line.unit === 'GB-Mo' ? (hours * s.row.quantity) / HOURS_PER_MONTH : hours * s.row.quantity;
      line.gross += gross;
      line.freeTier += free;
      line.cost += gross - free;
    }
  }
  const list = [...lines.values()].sort((a, b) => a.region.localeCompare(b.region) || a.usageType.localeCompare(b.usageType) || a.item.localeCompare(b.item));
  const sum = (f: (l: CostLine) => number) => list.reduce((acc, l) => acc + f(l), 0);
  return { from: period.from, to: period.to, lines: list, gross: sum((l) => l.gross), freeTier: sum((l) => l.freeTier), total: sum((l) => l.cost) };
}
