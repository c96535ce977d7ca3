/**
 * The spot market (§3.8): a price per instance type and zone that moves every few simulated hours
 * around 30 % of on-demand (resources/ec2/spot-prices.json), and spot requests that launch an
 * instance once evaluated when their maximum price is at or above the market's.
 *
 *   spotPrice(region, zone, type, at): number
 *   spotPriceHistory(region, zones, types, from, to): {zone, type, price, at}[]
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../../core/provider';
import { findResourcesDir } from '../../../models/paths';
import { invalidSpotRequestIdMalformed, invalidSpotRequestNotFound } from '../errors';
import { isWellFormedId } from '../ids';
import { onDemandPrice } from './instance-types';
import { registerTaggable } from './tags';

interface Market {
  periodMs: number;
  historyMs: number;
  fractions: number[];
}

const markets = new Map<string, Market>();

function market(): Market {
  const dir = findResourcesDir();
  let m = markets.get(dir);
  if (!m) {
    const raw = JSON.parse(readFileSync(join(dir, 'ec2', 'spot-prices.json'), 'utf8')) as {
      periodHours: number;
      historyDays: number;
      fractionsOfOnDemand: number[];
    };
    m = { periodMs: raw.periodHours * 3_600_000, historyMs: raw.historyDays * 86_400_000, fractions: raw.fractionsOfOnDemand };
    markets.set(dir, m);
  }
  return m;
}

export const SPOT_EVALUATION_MS = 10_000;

function priceInPeriod(region: string, zone: string, type: string, period: number): number {
  const m = market();
  const h = createHash('sha256').update(`${zone}|${type}|${period}`).digest();
  const fraction = m.fractions[h.readUInt32BE(0) % m.fractions.length]!;
  return Math.round(onDemandPrice(type, region) * fraction * 10_000) / 10_000;
}

export function spotPrice(region: string, zone: string, type: string, at: number): number {
  return priceInPeriod(region, zone, type, Math.floor(at / market().periodMs));
}

export interface SpotPricePoint {
  zone: string;
  type: string;
  price: number;
  at: number;
}

/** The price in effect at each period start in [from, to], newest first (as AWS lists them). */
export function spotPriceHistory(region: string, zones: readonly string[], types: readonly string[], from: number | undefined, to: number): SpotPricePoint[] {
  const m = market();
  const first = Math.floor((from ?? to - m.historyMs) / m.periodMs);
  const out: SpotPricePoint[] = [];
  for (let p = Math.floor(to / m.periodMs); p >= first; p--) {
    for (const zone of zones) for (const type of types) out.push({ zone, type, price: priceInPeriod(region, zone, type, p), at: p * m.periodMs });
  }
  return out;
}

export interface SpotRequestRow {
  id: number;
  account_id: string;
  region: string;
  request_id: string;
  type: 'one-time' | 'persistent';
  state: 'open' | 'active' | 'closed' | 'cancelled' | 'failed';
  status_code: string;
  status_message: string;
  status_time: number;
  spot_price: string;
  launch_spec: string;
  instance_id: string | null;
  availability_zone: string | null;
  valid_from: number | null;
  valid_until: number | null;
  created_at: number;
}

registerTaggable({
  prefix: 'sir',
  resourceType: 'spot-instances-request',
  exists: (ctx, id) => findSpotRequest(ctx, id) !== undefined,
  notFound: (id) => invalidSpotRequestNotFound(id),
});

/** Spot request ids are `sir-` + 8 lower-case alphanumerics. */
export function checkSpotRequestId(id: string): void {
  if (!/^sir-[0-9a-z]{8}$/.test(id) && !isWellFormedId('sir', id)) throw invalidSpotRequestIdMalformed(id);
}

export const newSpotRequestId = (): string => {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(8);
  let id = 'sir-';
  for (let i = 0; i < 8; i++) id += alphabet[bytes[i]! % alphabet.length];
  return id;
};

export const findSpotRequest = (ctx: Ctx, id: string): SpotRequestRow | undefined =>
  ctx.store
    .stmt('SELECT * FROM ec2_spot_requests WHERE account_id = ? AND region = ? AND request_id = ?')
    .get(ctx.accountId, ctx.region, id) as SpotRequestRow | undefined;

export const listSpotRequests = (ctx: Ctx): SpotRequestRow[] =>
  ctx.store.stmt('SELECT * FROM ec2_spot_requests WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as SpotRequestRow[];

export function setSpotStatus(ctx: Ctx, id: string, state: SpotRequestRow['state'], code: string, message: string, extra: { instanceId?: string | null; zone?: string } = {}): void {
  ctx.store
    .stmt(
      `UPDATE ec2_spot_requests SET state = ?, status_code = ?, status_message = ?, status_time = ?,
         instance_id = COALESCE(?, instance_id), availability_zone = COALESCE(?, availability_zone) WHERE request_id = ?`,
    )
    .run(state, code, message, ctx.clock.now(), extra.instanceId ?? null, extra.zone ?? null, id);
}

/** AWS's status messages per code. */
export const SPOT_STATUS_MESSAGES: Readonly<Record<string, string>> = {
  'pending-evaluation': 'Your Spot request has been submitted for review, and is pending evaluation.',
  fulfilled: 'Your Spot request is fulfilled.',
  'price-too-low': 'Your Spot request price is lower than the minimum required Spot request fulfillment price.',
  'canceled-before-fulfillment': 'Your Spot request was canceled before it was fulfilled.',
  'request-canceled-and-instance-running': 'Your Spot request is canceled, but your instance was not terminated.',
  'instance-terminated-by-user': 'Spot Instance termination request was initiated by you.',
  'bad-parameters': 'Your Spot request contains invalid parameters.',
  'schedule-expired': 'Your Spot request has expired.',
};
