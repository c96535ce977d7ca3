/**
 * Queue rows, their URLs and ARNs. A queue URL is `<scheme>://<host>/<account>/<name>`; only the
 * path names the queue, so URLs of any endpoint form (the lab's own host, the legacy
 * queue.amazonaws.com, sqs.<region>.localhost) all find it.
 */
import type { Ctx } from '../../../core/provider';
import { AwsError } from '../../../protocol/errors';
import { queueDoesNotExist } from '../errors';
import { labEndpoint } from './endpoint';

export interface QueueRow {
  id: number;
  account_id: string;
  region: string;
  name: string;
  fifo: number;
  attributes: string;
  tags: string;
  created_at: number;
  modified_at: number;
  purged_at: number | null;
  next_sequence: number;
}

export interface Queue extends QueueRow {
  attrs: Record<string, string>;
  arn: string;
}

export const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

export const queueArn = (region: string, accountId: string, name: string): string =>
  `arn:${partitionOf(region)}:sqs:${region}:${accountId}:${name}`;

/** Host of the endpoint the caller used (as AWS does), so SDKs that route by QueueUrl come back here. */
export function queueUrl(ctx: Ctx, q: { account_id: string; name: string; region: string }): string {
  const base = ctx.host ? `http://${ctx.host}` : labEndpoint(ctx.store);
  return `${base}/${q.account_id}/${q.name}`;
}

const withDerived = (row: QueueRow): Queue => ({
  ...row,
  attrs: JSON.parse(row.attributes) as Record<string, string>,
  arn: queueArn(row.region, row.account_id, row.name),
});

export const invalidAddress = (url: string) => new AwsError('InvalidAddress', `The address ${url} is not valid for this endpoint.`, 404, { headers: { 'x-amzn-query-error': 'InvalidAddress;Sender' } });

/** `/ACCOUNT/NAME` out of any queue URL form. */
export function parseQueueUrl(url: string): { accountId: string; name: string } {
  let path: string;
  try {
    path = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : url;
  } catch {
    throw invalidAddress(url);
  }
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length !== 2 || !/^\d{12}$/.test(parts[0]!)) throw invalidAddress(url);
  return { accountId: parts[0]!, name: decodeURIComponent(parts[1]!) };
}

export function findQueue(ctx: Ctx, name: string, accountId = ctx.accountId, region = ctx.region): Queue | undefined {
  const row = ctx.store
    .stmt('SELECT * FROM sqs_queues WHERE account_id = ? AND region = ? AND name = ?')
    .get(accountId, region, name) as QueueRow | undefined;
  return row ? withDerived(row) : undefined;
}

/** The queue a QueueUrl names, in the caller's region; QueueDoesNotExist otherwise. */
export function queueByUrl(ctx: Ctx, url: string): Queue {
  const { accountId, name } = parseQueueUrl(url);
  if (accountId !== ctx.accountId) throw queueDoesNotExist();
  const q = findQueue(ctx, name, accountId);
  if (!q) throw queueDoesNotExist();
  return q;
}

/** The queue an ARN names (same account and region as the caller, or the ARN's). */
export function queueByArn(ctx: Ctx, arn: string): Queue | undefined {
  const m = /^arn:[^:]+:sqs:([^:]+):(\d{12}):(.+)$/.exec(arn);
  if (!m) return undefined;
  return findQueue(ctx, m[3]!, m[2]!, m[1]!);
}

export function queueById(ctx: Ctx, id: number): Queue | undefined {
  const row = ctx.store.stmt('SELECT * FROM sqs_queues WHERE id = ?').get(id) as QueueRow | undefined;
  return row ? withDerived(row) : undefined;
}

export function listQueues(ctx: Ctx, prefix: string): Queue[] {
  const rows = ctx.store
    .stmt('SELECT * FROM sqs_queues WHERE account_id = ? AND region = ? AND substr(name, 1, ?) = ? ORDER BY name')
    .all(ctx.accountId, ctx.region, prefix.length, prefix) as QueueRow[];
  return rows.map(withDerived);
}

export function saveAttributes(ctx: Ctx, q: Queue, attrs: Record<string, string>): void {
  ctx.store.stmt('UPDATE sqs_queues SET attributes = ?, modified_at = ? WHERE id = ?').run(JSON.stringify(attrs), ctx.clock.now(), q.id);
  q.attrs = attrs;
}

export const queueTags = (q: Queue): Record<string, string> => JSON.parse(q.tags) as Record<string, string>;

export function saveTags(ctx: Ctx, q: Queue, tags: Record<string, string>): void {
  ctx.store.stmt('UPDATE sqs_queues SET tags = ? WHERE id = ?').run(JSON.stringify(tags), q.id);
}

/** Numeric settings with their defaults applied. */
export const setting = (q: Queue, name: 'DelaySeconds' | 'MaximumMessageSize' | 'MessageRetentionPeriod' | 'ReceiveMessageWaitTimeSeconds' | 'VisibilityTimeout'): number =>
  Number(q.attrs[name]);

export interface Redrive {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function redriveOf(q: Queue): Redrive | undefined {
  const text = q.attrs.RedrivePolicy;
  if (!text) return undefined;
  const doc = JSON.parse(text) as { deadLetterTargetArn: string; maxReceiveCount: number | string };
  return { deadLetterTargetArn: doc.deadLetterTargetArn, maxReceiveCount: Number(doc.maxReceiveCount) };
}
