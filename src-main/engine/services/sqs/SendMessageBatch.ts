import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkBatch, failure } from './batch';
import { batchRequestTooLong } from './errors';
import { checkMessage } from './message-input';
import { expire, sendMessage } from './state/messages';
import { queueByUrl } from './state/queues';
import { wakeAll } from './waiters';
import { admitFifo } from './fifo-throughput';

/** Up to 10 sends; each entry in its own savepoint so a bad one leaves the others sent. */
export const SendMessageBatch = (ctx: Ctx, input: OperationInput<'sqs', 'SendMessageBatch'>): OperationOutput<'sqs', 'SendMessageBatch'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  checkBatch(input.Entries, 'SendMessageBatchRequestEntry');
  const max = Number(q.attrs.MaximumMessageSize);
  const total = input.Entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody ?? ''), 0);
  if (total > max) throw batchRequestTooLong(total, max);
  admitFifo(ctx, q, 'send', input.Entries.map((e) => e.MessageGroupId));
  expire(ctx, q, ctx.clock.now());
  const out: OperationOutput<'sqs', 'SendMessageBatch'> = { Successful: [], Failed: [] };
  for (const e of input.Entries) {
    try {
      const sent = ctx.store.db.transaction(() => {
        const m = checkMessage(q, e);
        return sendMessage(ctx, q, {
          body: m.body,
          delaySeconds: m.delaySeconds,
          attributes: e.MessageAttributes,
          systemAttributes: e.MessageSystemAttributes,
          groupId: m.groupId,
          dedupId: m.dedupId,
          senderId: ctx.principal.userId,
        });
      })();
      out.Successful.push({ Id: e.Id, ...sent });
    } catch (err) {
      out.Failed.push(failure(e.Id, err));
    }
  }
  if (out.Successful.length) wakeAll(q.id);
  return out;
};
