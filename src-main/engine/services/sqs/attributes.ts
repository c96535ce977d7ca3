/**
 * Queue attributes: which exist, their defaults, their valid values (AWS's documented ranges),
 * and the read-only ones computed at read time (counters, timestamps, ARN).
 */
import type { Ctx } from '../../core/provider';
import { compilePolicy } from '../../iam/compile';
import { invalidAttributeName, invalidAttributeValue, invalidValue } from './errors';
import { findQueue, queueByArn, type Queue } from './state/queues';
import { messageCounts } from './state/messages';

const RANGES: Record<string, [number, number]> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, 1048576],
  MessageRetentionPeriod: [60, 1209600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43200],
  KmsDataKeyReusePeriodSeconds: [60, 86400],
};

const COMMON = ['DelaySeconds', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout', 'Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled'];
const FIFO_ONLY = ['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit'];
const READ_ONLY = ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed', 'CreatedTimestamp', 'LastModifiedTimestamp'];

/** Every name GetQueueAttributes knows, in the order `All` answers. */
export const ALL_NAMES = [...READ_ONLY, ...COMMON, ...FIFO_ONLY];

export function defaultAttributes(fifo: boolean): Record<string, string> {
  const base: Record<string, string> = {
    DelaySeconds: '0',
    MaximumMessageSize: '1048576',
    MessageRetentionPeriod: '345600',
    ReceiveMessageWaitTimeSeconds: '0',
    VisibilityTimeout: '30',
    SqsManagedSseEnabled: 'true',
  };
  if (fifo) Object.assign(base, { FifoQueue: 'true', ContentBasedDeduplication: 'false', DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' });
  return base;
}

const bad = (name: string) => invalidAttributeValue(`Invalid value for the parameter ${name}.`);
const isBool = (v: string) => v === 'true' || v === 'false';

/** Checks and normalizes settable attributes; `creating` allows FifoQueue. Returns the values to store. */
export function checkAttributes(ctx: Ctx, fifo: boolean, given: Record<string, string>, creating: boolean, self?: Queue): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const value = String(raw);
    if (!COMMON.includes(name) && !(FIFO_ONLY.includes(name) && fifo)) {
      if (READ_ONLY.includes(name)) throw invalidAttributeName(name);
      throw invalidAttributeName(name);
    }
    const range = RANGES[name];
    if (range) {
      if (!/^-?\d+$/.test(value.trim())) throw bad(name);
      const n = Number(value);
      if (n < range[0] || n > range[1]) throw bad(name);
      out[name] = String(n);
      continue;
    }
    switch (name) {
      case 'FifoQueue':
        if (!creating || value !== 'true') throw bad(name);
        break;
      case 'ContentBasedDeduplication':
      case 'SqsManagedSseEnabled':
        if (!isBool(value)) throw bad(name);
        break;
      case 'DeduplicationScope':
        if (value !== 'queue' && value !== 'messageGroup') throw bad(name);
        break;
      case 'FifoThroughputLimit':
        if (value !== 'perQueue' && value !== 'perMessageGroupId') throw bad(name);
        break;
      case 'Policy':
        if (value !== '' && !validPolicy(value, self)) throw invalidAttributeValue('Invalid value for the parameter Policy.');
        break;
      case 'RedrivePolicy':
        out[name] = value === '' ? '' : checkRedrive(ctx, fifo, value, self);
        continue;
      case 'RedriveAllowPolicy':
        out[name] = value === '' ? '' : checkRedriveAllow(value);
        continue;
    }
    out[name] = value;
  }
  // Any pair of DeduplicationScope and FifoThroughputLimit is accepted; only messageGroup +
  // perMessageGroupId turns high throughput on (fifo-throughput.ts), as AWS documents.
  return out;
}

function validPolicy(text: string, self?: Queue): boolean {
  try {
    compilePolicy(text, 'resource', self?.arn ?? 'queue');
    return true;
  } catch {
    return false;
  }
}

function checkRedrive(ctx: Ctx, fifo: boolean, text: string, self?: Queue): string {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw invalidValue(text, 'RedrivePolicy', 'Redrive policy is not a valid JSON map.');
  }
  const target = doc.deadLetterTargetArn;
  const max = doc.maxReceiveCount;
  if (typeof target !== 'string') throw invalidValue(text, 'RedrivePolicy', 'Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (max === undefined) throw invalidValue(text, 'RedrivePolicy', 'Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const n = Number(max);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw invalidValue(text, 'RedrivePolicy', 'Invalid value for maxReceiveCount: ' + String(max) + ', valid values are from 1 to 1000 both inclusive.');
  const dlq = queueByArn(ctx, target);
  if (!dlq || dlq.account_id !== ctx.accountId || dlq.region !== ctx.region) throw invalidValue(text, 'RedrivePolicy', 'Dead letter target does not exist.');
  if ((dlq.fifo === 1) !== fifo) throw invalidValue(text, 'RedrivePolicy', 'Dead-letter target queue type must match the source queue type (FIFO or standard).');
  if (self && dlq.id === self.id) throw invalidValue(text, 'RedrivePolicy', 'Dead-letter target cannot be the queue itself.');
  const allow = dlq.attrs.RedriveAllowPolicy ? (JSON.parse(dlq.attrs.RedriveAllowPolicy) as { redrivePermission?: string; sourceQueueArns?: string[] }) : undefined;
  const sourceArn = self?.arn;
  if (allow?.redrivePermission === 'denyAll' || (allow?.redrivePermission === 'byQueue' && !(sourceArn && allow.sourceQueueArns?.includes(sourceArn)))) {
    throw invalidValue(text, 'RedrivePolicy', 'Dead letter target does not allow this source queue.');
  }
  return JSON.stringify({ deadLetterTargetArn: target, maxReceiveCount: n });
}

function checkRedriveAllow(text: string): string {
  let doc: { redrivePermission?: unknown; sourceQueueArns?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw invalidValue(text, 'RedriveAllowPolicy', 'Redrive allow policy is not a valid JSON map.');
  }
  const p = doc.redrivePermission;
  if (p !== 'allowAll' && p !== 'denyAll' && p !== 'byQueue') throw invalidValue(text, 'RedriveAllowPolicy', 'Invalid value for redrivePermission.');
  const arns = doc.sourceQueueArns;
  if (p === 'byQueue') {
    if (!Array.isArray(arns) || arns.length === 0 || arns.length > 10) throw invalidValue(text, 'RedriveAllowPolicy', 'sourceQueueArns must contain between 1 and 10 queue ARNs when redrivePermission is byQueue.');
  } else if (arns !== undefined) {
    throw invalidValue(text, 'RedriveAllowPolicy', 'sourceQueueArns can be specified only when redrivePermission is byQueue.');
  }
  return JSON.stringify(p === 'byQueue' ? { redrivePermission: p, sourceQueueArns: arns } : { redrivePermission: p });
}

/** The attributes asked for (`All` or names), computed now. Unknown names fail as AWS does. */
export function readAttributes(ctx: Ctx, q: Queue, names: readonly string[]): Record<string, string> {
  for (const n of names) if (n !== 'All' && !ALL_NAMES.includes(n)) throw invalidAttributeName(n);
  const all = names.includes('All');
  const wanted = all ? ALL_NAMES : names;
  const counts = wanted.some((n) => n.startsWith('Approximate')) ? messageCounts(ctx, q) : undefined;
  const out: Record<string, string> = {};
  for (const n of wanted) {
    const v = attributeValue(q, n, counts);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

function attributeValue(q: Queue, name: string, counts?: { visible: number; inFlight: number; delayed: number }): string | undefined {
  switch (name) {
    case 'QueueArn':
      return q.arn;
    case 'ApproximateNumberOfMessages':
      return String(counts!.visible);
    case 'ApproximateNumberOfMessagesNotVisible':
      return String(counts!.inFlight);
    case 'ApproximateNumberOfMessagesDelayed':
      return String(counts!.delayed);
    case 'CreatedTimestamp':
      return String(Math.floor(q.created_at / 1000));
    case 'LastModifiedTimestamp':
      return String(Math.floor(q.modified_at / 1000));
    default: {
      const v = q.attrs[name];
      return v === undefined || v === '' ? undefined : v;
    }
  }
}

/** True when a name is free of a recently deleted queue's hold (60 s). */
export const nameHeldUntil = (ctx: Ctx, name: string): number | undefined => {
  const row = ctx.store.stmt('SELECT deleted_at FROM sqs_deleted_queues WHERE account_id = ? AND region = ? AND name = ?').get(ctx.accountId, ctx.region, name) as { deleted_at: number } | undefined;
  return row ? row.deleted_at + 60_000 : undefined;
};

export { findQueue };
