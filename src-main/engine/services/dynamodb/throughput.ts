/**
 * Provisioned throughput on the simulated clock: one token bucket per table and direction, refilled
 * at the provisioned rate and holding up to 300 seconds of unused capacity (DynamoDB's burst). A
 * request is admitted while its bucket is positive and then charged what it consumed, so one large
 * request may overdraw it. Buckets and per-minute consumption live in memory: they are the
 * service's short-term accounting, not the learner's data, and refill on their own after a restart.
 */
import { throughputExceeded } from './errors';
import type { TableRow } from './state/tables';

const BURST_SECONDS = 300;
const KEEP_MINUTES = 120;

interface Bucket {
  tokens: number;
  at: number;
}
export interface MinuteStats {
  read: number;
  write: number;
  throttledRead: number;
  throttledWrite: number;
  returned: number;
  requests: number;
}

const buckets = new Map<string, Bucket>();
const stats = new Map<string, Map<number, MinuteStats>>();

export const tableKey = (accountId: string, region: string, name: string): string => `${accountId}|${region}|${name}`;

function bucketFor(key: string, rate: number, now: number): Bucket {
  let b = buckets.get(key);
  if (!b) {
    b = { tokens: rate * BURST_SECONDS, at: now };
    buckets.set(key, b);
  }
  const elapsed = Math.max(0, (now - b.at) / 1000);
  b.tokens = Math.min(rate * BURST_SECONDS, b.tokens + elapsed * rate);
  b.at = now;
  return b;
}

function minute(key: string, now: number): MinuteStats {
  let m = stats.get(key);
  if (!m) stats.set(key, (m = new Map()));
  const t = Math.floor(now / 60_000) * 60_000;
  let s = m.get(t);
  if (!s) {
    s = { read: 0, write: 0, throttledRead: 0, throttledWrite: 0, returned: 0, requests: 0 };
    m.set(t, s);
    for (const k of m.keys()) if (k < t - KEEP_MINUTES * 60_000) m.delete(k);
  }
  return s;
}

export interface Meter {
  accountId: string;
  region: string;
  now: number;
}

/** Throws ProvisionedThroughputExceededException when the table's bucket for this direction is empty. */
export function admit(m: Meter, row: TableRow, kind: 'read' | 'write', index?: string): void {
  if (row.spec.billingMode === 'PAY_PER_REQUEST') return;
  const gsi = index ? row.spec.gsis.find((g) => g.name === index) : undefined;
  const rate = kind === 'read' ? (gsi?.rcu ?? row.spec.rcu) : (gsi?.wcu ?? row.spec.wcu);
  const key = tableKey(m.accountId, m.region, row.spec.name) + `|${gsi?.name ?? ''}|${kind}`;
  const b = bucketFor(key, rate, m.now);
  if (b.tokens <= 0) {
    const s = minute(tableKey(m.accountId, m.region, row.spec.name), m.now);
    if (kind === 'read') s.throttledRead++;
    else s.throttledWrite++;
    throw throughputExceeded();
  }
}

/** Records what a request consumed (and returned) against the table's bucket and minute. */
export function charge(
  m: Meter,
  row: TableRow,
  kind: 'read' | 'write',
  units: number,
  opts: { index?: string; returned?: number } = {},
): void {
  const s = minute(tableKey(m.accountId, m.region, row.spec.name), m.now);
  if (kind === 'read') s.read += units;
  else s.write += units;
  s.returned += opts.returned ?? 0;
  s.requests++;
  if (row.spec.billingMode === 'PAY_PER_REQUEST') return;
  const gsi = opts.index ? row.spec.gsis.find((g) => g.name === opts.index) : undefined;
  const rate = kind === 'read' ? (gsi?.rcu ?? row.spec.rcu) : (gsi?.wcu ?? row.spec.wcu);
  const key = tableKey(m.accountId, m.region, row.spec.name) + `|${gsi?.name ?? ''}|${kind}`;
  bucketFor(key, rate, m.now).tokens -= units;
}

/** Consumed units per minute in [from, to): what CloudWatch's ConsumedRead/WriteCapacityUnits Sum would show. */
export function consumption(
  accountId: string,
  region: string,
  table: string,
  from: number,
  to: number,
): { time: number; stats: MinuteStats }[] {
  const m = stats.get(tableKey(accountId, region, table));
  if (!m) return [];
  return [...m.entries()]
    .filter(([t]) => t >= from && t < to)
    .sort((a, b) => a[0] - b[0])
    .map(([time, s]) => ({ time, stats: { ...s } }));
}

/** Forget a deleted table's accounting. */
export function forgetTable(accountId: string, region: string, table: string): void {
  const prefix = tableKey(accountId, region, table);
  stats.delete(prefix);
  for (const k of buckets.keys()) if (k.startsWith(prefix + '|')) buckets.delete(k);
}
