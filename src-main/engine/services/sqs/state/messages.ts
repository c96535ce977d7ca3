/**
 * Messages of a queue: send, receive (visibility, FIFO group locking, redrive), delete, change of
 * visibility, counters, expiry. All times are the simulated clock's milliseconds.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { md5Hex, md5OfAttributes, type AttributeValue } from '../md5';
import { count } from './counters';
import { queueByArn, redriveOf, type Queue } from './queues';

export interface MessageRow {
  seq: number;
  queue_id: number;
  message_id: string;
  body: string;
  md5_body: string;
  attributes: string | null;
  md5_attributes: string | null;
  system_attributes: string | null;
  md5_system_attributes: string | null;
  sender_id: string;
  sent_at: number;
  enqueued_at: number;
  visible_at: number;
  receipt: string | null;
  receive_count: number;
  first_received_at: number | null;
  group_id: string | null;
  dedup_id: string | null;
  sequence_number: string | null;
  dlq_source_arn: string | null;
  received_at: number | null;
}

/** Binary values are kept as base64 in the row's JSON. */
type StoredAttr = { DataType: string; StringValue?: string; BinaryValue?: string; StringListValues?: string[]; BinaryListValues?: string[] };

function storeAttrs(attrs: Record<string, AttributeValue> | undefined): string | null {
  if (!attrs || Object.keys(attrs).length === 0) return null;
  const out: Record<string, StoredAttr> = {};
  for (const [k, v] of Object.entries(attrs)) {
    out[k] = {
      DataType: v.DataType,
      ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}),
      ...(v.BinaryValue !== undefined ? { BinaryValue: Buffer.from(v.BinaryValue).toString('base64') } : {}),
    };
  }
  return JSON.stringify(out);
}

export function loadAttrs(text: string | null): Record<string, AttributeValue> {
  if (!text) return {};
  const stored = JSON.parse(text) as Record<string, StoredAttr>;
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(stored)) {
    out[k] = {
      DataType: v.DataType,
      ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}),
      ...(v.BinaryValue !== undefined ? { BinaryValue: Buffer.from(v.BinaryValue, 'base64') } : {}),
    };
  }
  return out;
}

const retentionMs = (q: Queue) => Number(q.attrs.MessageRetentionPeriod) * 1000;

/** Drops messages older than the queue's retention period (it applies to messages already queued too). */
export function expire(ctx: Ctx, q: Queue, now: number): void {
  ctx.store.stmt('DELETE FROM sqs_messages WHERE queue_id = ? AND enqueued_at <= ?').run(q.id, now - retentionMs(q));
}

export function messageCounts(ctx: Ctx, q: Queue): { visible: number; inFlight: number; delayed: number } {
  const now = ctx.clock.now();
  const r = ctx.store
    .stmt(
      `SELECT coalesce(sum(visible_at <= @now), 0) AS visible,
              coalesce(sum(visible_at > @now AND receipt IS NOT NULL), 0) AS inFlight,
              coalesce(sum(visible_at > @now AND receipt IS NULL), 0) AS delayed
       FROM sqs_messages WHERE queue_id = @id AND enqueued_at > @oldest`,
    )
    .get({ id: q.id, now, oldest: now - retentionMs(q) }) as { visible: number; inFlight: number; delayed: number };
  return r;
}

/** Oldest message's age in seconds (ApproximateAgeOfOldestMessage), 0 when empty. */
export function oldestAge(ctx: Ctx, q: Queue): number {
  const now = ctx.clock.now();
  const r = ctx.store.stmt('SELECT min(enqueued_at) AS t FROM sqs_messages WHERE queue_id = ? AND enqueued_at > ?').get(q.id, now - retentionMs(q)) as { t: number | null };
  return r.t === null ? 0 : Math.floor((now - r.t) / 1000);
}

export interface Sent {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  MD5OfMessageSystemAttributes?: string;
  SequenceNumber?: string;
}

export interface NewMessage {
  body: string;
  delaySeconds: number;
  attributes?: Record<string, AttributeValue>;
  systemAttributes?: Record<string, AttributeValue>;
  groupId?: string;
  dedupId?: string;
  senderId: string;
}

const DEDUP_WINDOW_MS = 5 * 60_000;

export function sendMessage(ctx: Ctx, q: Queue, m: NewMessage): Sent {
  const now = ctx.clock.now();
  const md5Body = md5Hex(m.body);
  const md5Attrs = m.attributes && Object.keys(m.attributes).length ? md5OfAttributes(m.attributes) : undefined;
  const md5Sys = m.systemAttributes && Object.keys(m.systemAttributes).length ? md5OfAttributes(m.systemAttributes) : undefined;
  const digests = { MD5OfMessageBody: md5Body, ...(md5Attrs ? { MD5OfMessageAttributes: md5Attrs } : {}), ...(md5Sys ? { MD5OfMessageSystemAttributes: md5Sys } : {}) };
  let sequenceNumber: string | undefined;
  let dedupId = m.dedupId;
  if (q.fifo) {
    dedupId ??= createHash('sha256').update(m.body).digest('hex');
    const scope = q.attrs.DeduplicationScope === 'messageGroup' ? m.groupId! : '';
    ctx.store.stmt('DELETE FROM sqs_dedup WHERE queue_id = ? AND expires_at <= ?').run(q.id, now);
    const seen = ctx.store.stmt('SELECT message_id, sequence_number FROM sqs_dedup WHERE queue_id = ? AND scope_key = ? AND dedup_id = ?').get(q.id, scope, dedupId) as
      | { message_id: string; sequence_number: string }
      | undefined;
    // A duplicate is accepted and answered as the first one was; nothing is enqueued.
    if (seen) return { MessageId: seen.message_id, ...digests, SequenceNumber: seen.sequence_number };
    const next = q.next_sequence + 1;
    ctx.store.stmt('UPDATE sqs_queues SET next_sequence = ? WHERE id = ?').run(next, q.id);
    q.next_sequence = next;
    sequenceNumber = (10n ** 19n + BigInt(next)).toString();
  }
  const messageId = randomUUID();
  if (q.fifo) {
    const scope = q.attrs.DeduplicationScope === 'messageGroup' ? m.groupId! : '';
    ctx.store
      .stmt('INSERT INTO sqs_dedup (queue_id, scope_key, dedup_id, message_id, sequence_number, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(q.id, scope, dedupId, messageId, sequenceNumber, now + DEDUP_WINDOW_MS);
  }
  ctx.store
    .stmt(
      `INSERT INTO sqs_messages (queue_id, message_id, body, md5_body, attributes, md5_attributes, system_attributes, md5_system_attributes,
         sender_id, sent_at, enqueued_at, visible_at, group_id, dedup_id, sequence_number)
       VALUES (@queue, @id, @body, @md5, @attrs, @md5Attrs, @sys, @md5Sys, @sender, @now, @now, @visible, @group, @dedup, @sequence)`,
    )
    .run({
      queue: q.id,
      id: messageId,
      body: m.body,
      md5: md5Body,
      attrs: storeAttrs(m.attributes),
      md5Attrs: md5Attrs ?? null,
      sys: storeAttrs(m.systemAttributes),
      md5Sys: md5Sys ?? null,
      sender: m.senderId,
      now,
      visible: now + m.delaySeconds * 1000,
      group: m.groupId ?? null,
      dedup: q.fifo ? dedupId! : null,
      sequence: sequenceNumber ?? null,
    });
  count(ctx, q.id, 'sent');
  count(ctx, q.id, 'sent_bytes', Buffer.byteLength(m.body));
  return { MessageId: messageId, ...digests, ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}) };
}

/** Receipt handles name the queue, the message row and the receive (a fresh token each time). */
export const receiptHandle = (row: { queue_id: number; seq: number; receipt: string | null }): string =>
  Buffer.from(`${row.queue_id}:${row.seq}:${row.receipt}`).toString('base64');

export function parseReceipt(handle: string): { queueId: number; seq: number; token: string } | undefined {
  const m = /^(\d+):(\d+):([0-9a-f]{24})$/.exec(Buffer.from(handle, 'base64').toString('latin1'));
  return m ? { queueId: Number(m[1]), seq: Number(m[2]), token: m[3]! } : undefined;
}

export function messageBySeq(ctx: Ctx, seq: number): MessageRow | undefined {
  return ctx.store.stmt('SELECT * FROM sqs_messages WHERE seq = ?').get(seq) as MessageRow | undefined;
}

/** Moves a message to the dead-letter queue; standard queues keep its original enqueue time. */
function moveToDlq(ctx: Ctx, row: MessageRow, from: Queue, dlq: Queue, now: number): void {
  ctx.store
    .stmt('UPDATE sqs_messages SET queue_id = ?, receipt = NULL, visible_at = ?, enqueued_at = ?, dlq_source_arn = ? WHERE seq = ?')
    .run(dlq.id, now, dlq.fifo ? now : row.enqueued_at, from.arn, row.seq);
}

/**
 * Takes up to `max` visible messages, makes them invisible for `visibilityMs` with a new receipt
 * each. Messages already received maxReceiveCount times go to the dead-letter queue instead. FIFO:
 * a group with a message in flight yields nothing, and messages come in sequence order per group.
 */
export function receiveMessages(ctx: Ctx, q: Queue, max: number, visibilityMs: number): MessageRow[] {
  const now = ctx.clock.now();
  expire(ctx, q, now);
  const redrive = redriveOf(q);
  const dlq = redrive ? queueByArn(ctx, redrive.deadLetterTargetArn) : undefined;
  const blocked = new Set<string>();
  if (q.fifo) {
    const rows = ctx.store.stmt('SELECT DISTINCT group_id FROM sqs_messages WHERE queue_id = ? AND receipt IS NOT NULL AND visible_at > ?').all(q.id, now) as { group_id: string }[];
    for (const r of rows) blocked.add(r.group_id);
  }
  // Standard queues take the messages visible longest (an index walk, no sort); FIFO walks sequence order.
  const page = q.fifo
    ? ctx.store.stmt('SELECT * FROM sqs_messages INDEXED BY sqs_messages_by_seq WHERE queue_id = ? AND visible_at <= ? AND seq > ? ORDER BY seq LIMIT ?')
    : ctx.store.stmt('SELECT * FROM sqs_messages INDEXED BY sqs_messages_by_visibility WHERE queue_id = ? AND visible_at <= ? AND seq > ? ORDER BY visible_at, seq LIMIT ?');
  const take = ctx.store.stmt(
    'UPDATE sqs_messages SET receipt = ?, visible_at = ?, receive_count = receive_count + 1, first_received_at = coalesce(first_received_at, ?), received_at = ? WHERE seq = ?',
  );
  // FIFO: as AWS does, as many messages of one group as possible: the first group (in sequence
  // order) that is not locked gives all its visible messages, then the next one, up to max.
  const groupRows = ctx.store.stmt('SELECT * FROM sqs_messages INDEXED BY sqs_messages_by_group WHERE queue_id = ? AND group_id = ? AND visible_at <= ? ORDER BY seq LIMIT ?');
  const picked: MessageRow[] = [];
  const seen = new Set<number>();
  const taken = new Set<string>();
  const overLimit = (row: MessageRow): boolean => {
    if (!redrive || !dlq || row.receive_count < redrive.maxReceiveCount) return false;
    moveToDlq(ctx, row, q, dlq, now);
    return true;
  };
  let after = 0;
  while (picked.length < max) {
    // FIFO pages on by sequence; a standard page starts over (rows moved to the DLQ drop out of it).
    const limit = q.fifo ? 50 : seen.size + max;
    const rows = page.all(q.id, now, q.fifo ? after : 0, limit) as MessageRow[];
    let fresh = 0;
    for (const row of rows) {
      if (seen.has(row.seq)) continue;
      seen.add(row.seq);
      fresh++;
      after = row.seq;
      if (!q.fifo) {
        if (!overLimit(row)) picked.push(row);
      } else if (!blocked.has(row.group_id!) && !taken.has(row.group_id!)) {
        taken.add(row.group_id!);
        for (const g of groupRows.all(q.id, row.group_id, now, max - picked.length) as MessageRow[]) {
          seen.add(g.seq);
          // A message of the group sent to the DLQ lets the next one through, in order.
          if (picked.length < max && !overLimit(g)) picked.push(g);
        }
      }
      if (picked.length >= max) break;
    }
    if (fresh === 0 || rows.length < limit) break;
  }
  const chosen = picked.slice(0, max);
  const out: MessageRow[] = [];
  for (const row of chosen) {
    const token = randomBytes(12).toString('hex');
    take.run(token, now + visibilityMs, now, now, row.seq);
    out.push({ ...row, receipt: token, visible_at: now + visibilityMs, receive_count: row.receive_count + 1, first_received_at: row.first_received_at ?? now, received_at: now });
  }
  if (out.length) count(ctx, q.id, 'received', out.length);
  else count(ctx, q.id, 'empty_receives');
  return out;
}

/** When the next delayed or in-flight message becomes visible (for long polls to wake). */
export function nextVisibleAt(ctx: Ctx, q: Queue): number | undefined {
  const r = ctx.store.stmt('SELECT min(visible_at) AS t FROM sqs_messages WHERE queue_id = ? AND visible_at > ?').get(q.id, ctx.clock.now()) as { t: number | null };
  return r.t ?? undefined;
}

export function deleteMessageRow(ctx: Ctx, row: { seq: number; queue_id: number }): void {
  ctx.store.stmt('DELETE FROM sqs_messages WHERE seq = ?').run(row.seq);
  count(ctx, row.queue_id, 'deleted');
}

export function setVisibleAt(ctx: Ctx, seq: number, at: number): void {
  ctx.store.stmt('UPDATE sqs_messages SET visible_at = ? WHERE seq = ?').run(at, seq);
}

export function purgeMessages(ctx: Ctx, q: Queue): number {
  return ctx.store.stmt('DELETE FROM sqs_messages WHERE queue_id = ?').run(q.id).changes;
}

/** Messages a DLQ holds that came from `sourceArn` (or all), oldest first: for message move tasks. */
/** Moves a message back (redrive): a fresh message in the destination, visible now, count reset. */
export function moveMessage(ctx: Ctx, row: MessageRow, dest: Queue, now: number): void {
  ctx.store
    .stmt('UPDATE sqs_messages SET queue_id = ?, receipt = NULL, visible_at = ?, enqueued_at = ?, receive_count = 0, first_received_at = NULL, dlq_source_arn = NULL WHERE seq = ?')
    .run(dest.id, now, now, row.seq);
}
