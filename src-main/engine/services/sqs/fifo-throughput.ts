/**
 * FIFO throughput quotas on the simulated clock. A FIFO queue takes 300 transactions per second per
 * API action (a batch is one transaction). High throughput mode is on only when both
 * DeduplicationScope=messageGroup and FifoThroughputLimit=perMessageGroupId (any other pair keeps the
 * normal quota, as AWS documents): then sends are limited to 300 per second per message group, and
 * each action to 70,000 per second per queue (us-east-1's figure). Over quota answers RequestThrottled,
 * which the SDKs retry. Buckets are in memory: a quota is about the last second, nothing to persist.
 */
import type { Ctx } from '../../core/provider';
import { requestThrottled } from './errors';
import type { Queue } from './state/queues';

export const FIFO_TPS = 300;
export const HIGH_THROUGHPUT_TPS = 70_000;

type Action = 'send' | 'receive' | 'delete';

interface Bucket {
  tokens: number;
  at: number;
}

/** Per lab (store): queue ids restart in every lab. */
const labs = new WeakMap<object, Map<string, Bucket>>();

function bucketsOf(store: object): Map<string, Bucket> {
  let m = labs.get(store);
  if (!m) labs.set(store, (m = new Map()));
  return m;
}

/** Takes one token from a bucket of `rate` per second (one second of burst); false when empty. */
function take(buckets: Map<string, Bucket>, key: string, rate: number, now: number): boolean {
  const b = buckets.get(key) ?? { tokens: rate, at: now };
  b.tokens = Math.min(rate, b.tokens + ((now - b.at) * rate) / 1000);
  b.at = now;
  buckets.set(key, b);
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

export const highThroughput = (q: Queue): boolean =>
  q.attrs.DeduplicationScope === 'messageGroup' && q.attrs.FifoThroughputLimit === 'perMessageGroupId';

/** Admits one call of `action` on a FIFO queue (sends name their message groups); standard queues pass. */
export function admitFifo(ctx: Pick<Ctx, 'clock' | 'store'>, q: Queue, action: Action, groups: readonly (string | undefined)[] = []): void {
  if (!q.fifo) return;
  const now = ctx.clock.now();
  const high = highThroughput(q);
  const buckets = bucketsOf(ctx.store);
  if (!take(buckets, `${q.id}:${action}`, high ? HIGH_THROUGHPUT_TPS : FIFO_TPS, now)) throw requestThrottled();
  if (high && action === 'send')
    for (const g of new Set(groups)) if (g !== undefined && !take(buckets, `${q.id}:send:${g}`, FIFO_TPS, now)) throw requestThrottled();
}

/** A deleted queue's buckets go with it (a new queue of the same name starts afresh). */
export function forgetQueueQuota(ctx: Pick<Ctx, 'store'>, queueId: number): void {
  const buckets = bucketsOf(ctx.store);
  for (const k of buckets.keys()) if (k.startsWith(`${queueId}:`)) buckets.delete(k);
}
