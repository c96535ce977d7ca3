/**
 * ReceiveMessage with long polling. It holds no transaction while it waits: it checks in a short
 * read whether anything is receivable, and if not, sleeps until a send wakes the queue or the
 * simulated clock reaches the next message's visibility or the poll's deadline. The receive itself
 * (visibility, receive counts, redrive) is one write transaction together with the event row.
 */
import { streaming, type Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidValue } from './errors';
import { receivedMessage, type ReceivedMessage } from './message-output';
import { messageBySeq, nextVisibleAt, receiveMessages, type MessageRow } from './state/messages';
import { queueByUrl, type Queue } from './state/queues';
import { waitOn } from './waiters';
import { admitFifo } from './fifo-throughput';

type Input = OperationInput<'sqs', 'ReceiveMessage'>;

const ATTEMPT_WINDOW_MS = 5 * 60_000;

function receivable(ctx: Ctx, q: Queue): boolean {
  const now = ctx.clock.now();
  const oldest = now - Number(q.attrs.MessageRetentionPeriod) * 1000;
  const sql = q.fifo
    ? `SELECT 1 FROM sqs_messages m WHERE m.queue_id = @id AND m.visible_at <= @now AND m.enqueued_at > @oldest
         AND NOT EXISTS (SELECT 1 FROM sqs_messages b WHERE b.queue_id = @id AND b.group_id = m.group_id AND b.receipt IS NOT NULL AND b.visible_at > @now) LIMIT 1`
    : 'SELECT 1 FROM sqs_messages WHERE queue_id = @id AND visible_at <= @now AND enqueued_at > @oldest LIMIT 1';
  return ctx.store.stmt(sql).get({ id: q.id, now, oldest }) !== undefined;
}

/** Resolves on a wake-up for the queue or when the simulated clock reaches `until`. */
function sleep(ctx: Ctx, queueId: number, until: number): Promise<void> {
  return new Promise((resolve) => {
    let cancelTimer = (): void => {};
    const done = (): void => {
      stopWaiting();
      cancelTimer();
      resolve();
    };
    const stopWaiting = waitOn(queueId, done);
    cancelTimer = ctx.clock.at(until, done);
  });
}

/** FIFO retries with the same ReceiveRequestAttemptId get the same messages while still in flight. */
function replayAttempt(ctx: Ctx, q: Queue, attemptId: string): MessageRow[] | undefined {
  const now = ctx.clock.now();
  ctx.store.stmt('DELETE FROM sqs_receive_attempts WHERE queue_id = ? AND at <= ?').run(q.id, now - ATTEMPT_WINDOW_MS);
  const row = ctx.store.stmt('SELECT receipts FROM sqs_receive_attempts WHERE queue_id = ? AND attempt_id = ?').get(q.id, attemptId) as { receipts: string } | undefined;
  if (!row) return undefined;
  const saved = JSON.parse(row.receipts) as { seq: number; receipt: string }[];
  const rows = saved.map((s) => messageBySeq(ctx, s.seq));
  // Any message deleted or whose visibility ran out ends the replay: the next receive is a new one.
  if (rows.some((r, i) => !r || r.receipt !== saved[i]!.receipt || r.visible_at <= now)) return undefined;
  return rows as MessageRow[];
}

function receiveNow(ctx: Ctx, input: Input, max: number, visibilityMs: number | undefined): ReceivedMessage[] {
  const q = queueByUrl(ctx, input.QueueUrl);
  const attemptId = q.fifo ? input.ReceiveRequestAttemptId : undefined;
  let rows = attemptId ? replayAttempt(ctx, q, attemptId) : undefined;
  if (!rows) {
    rows = receiveMessages(ctx, q, max, visibilityMs ?? Number(q.attrs.VisibilityTimeout) * 1000);
    if (attemptId) {
      ctx.store
        .stmt('INSERT INTO sqs_receive_attempts (queue_id, attempt_id, at, receipts) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET at = excluded.at, receipts = excluded.receipts')
        .run(q.id, attemptId, ctx.clock.now(), JSON.stringify(rows.map((r) => ({ seq: r.seq, receipt: r.receipt }))));
    }
  }
  const systemNames = [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])];
  return rows.map((r) => receivedMessage(r, systemNames, input.MessageAttributeNames ?? []));
}

export const ReceiveMessage = streaming(async (ctx: Ctx, input: Input): Promise<OperationOutput<'sqs', 'ReceiveMessage'>> => {
  const max = input.MaxNumberOfMessages ?? 1;
  if (max < 1 || max > 10) throw invalidValue(max, 'MaxNumberOfMessages', 'Must be between 1 and 10, if provided.');
  const vis = input.VisibilityTimeout;
  if (vis !== undefined && (vis < 0 || vis > 43200)) throw invalidValue(vis, 'VisibilityTimeout', 'Must be >= 0 and <= 43200, if provided.');
  const wait = input.WaitTimeSeconds;
  if (wait !== undefined && (wait < 0 || wait > 20)) throw invalidValue(wait, 'WaitTimeSeconds', 'Must be >= 0 and <= 20, if provided.');
  if (input.ReceiveRequestAttemptId !== undefined && !/^[\x21-\x7E]{1,128}$/.test(input.ReceiveRequestAttemptId)) {
    throw invalidValue(input.ReceiveRequestAttemptId, 'ReceiveRequestAttemptId', 'ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
  }
  const first = ctx.store.read(() => queueByUrl(ctx, input.QueueUrl));
  admitFifo(ctx, first, 'receive');
  const deadline = ctx.clock.now() + (wait ?? Number(first.attrs.ReceiveMessageWaitTimeSeconds)) * 1000;
  const visibilityMs = vis === undefined ? undefined : vis * 1000;
  for (;;) {
    const { ready, next, queueId } = ctx.store.read(() => {
      const q = queueByUrl(ctx, input.QueueUrl);
      return { ready: receivable(ctx, q), next: nextVisibleAt(ctx, q), queueId: q.id };
    });
    if (ready || ctx.clock.now() >= deadline) {
      const messages = ctx.commit(() => receiveNow(ctx, input, max, visibilityMs));
      return messages.length ? { Messages: messages } : {};
    }
    await sleep(ctx, queueId, Math.min(deadline, next ?? deadline));
  }
});
