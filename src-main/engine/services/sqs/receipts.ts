/** What a receipt handle names in a queue, and whether it is the message's latest receive. */
import type { Ctx } from '../../core/provider';
import { invalidValue, messageNotInflight, receiptHandleIsInvalid } from './errors';
import { deleteMessageRow, messageBySeq, parseReceipt, setVisibleAt } from './state/messages';
import type { Queue } from './state/queues';
import { wakeAll } from './waiters';

function resolve(ctx: Ctx, q: Queue, handle: string) {
  const parsed = parseReceipt(handle);
  if (!parsed || parsed.queueId !== q.id) throw receiptHandleIsInvalid(`The input receipt handle "${handle}" is not a valid receipt handle.`);
  const row = messageBySeq(ctx, parsed.seq);
  if (!row || row.queue_id !== q.id) return undefined;
  return { row, current: row.receipt === parsed.token };
}

/**
 * Deletes by receipt handle. A message already gone is no error; an older receipt of a message
 * received again since succeeds without deleting it (standard queues, as documented) and fails on
 * FIFO queues, whose receipts expire with their receive.
 */
export function deleteByReceipt(ctx: Ctx, q: Queue, handle: string): void {
  const hit = resolve(ctx, q, handle);
  if (!hit) return;
  if (!hit.current) {
    if (q.fifo) throw receiptHandleIsInvalid('The receipt handle has expired.');
    return;
  }
  deleteMessageRow(ctx, hit.row);
}

export function changeVisibility(ctx: Ctx, q: Queue, handle: string, timeout: number | undefined): void {
  if (timeout === undefined) throw invalidValue('null', 'VisibilityTimeout', 'VisibilityTimeout is required.');
  if (timeout < 0 || timeout > 43200) throw invalidValue(timeout, 'VisibilityTimeout', 'Must be >= 0 and <= 43200, if provided.');
  const hit = resolve(ctx, q, handle);
  if (!hit) throw invalidValue(handle, 'ReceiptHandle', 'Message does not exist or is not available for visibility timeout change.');
  const now = ctx.clock.now();
  if (!hit.current || hit.row.visible_at <= now) throw messageNotInflight();
  const since = hit.row.received_at ?? now;
  if (now + timeout * 1000 - since > 43_200_000) {
    throw invalidValue(timeout, 'VisibilityTimeout', 'Total VisibilityTimeout for the message is beyond the limit [43200 seconds]');
  }
  setVisibleAt(ctx, hit.row.seq, now + timeout * 1000);
  if (timeout === 0) wakeAll(q.id);
}
