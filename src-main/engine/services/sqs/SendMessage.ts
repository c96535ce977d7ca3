import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkMessage } from './message-input';
import { expire, sendMessage } from './state/messages';
import { queueByUrl } from './state/queues';
import { wakeAll } from './waiters';
import { admitFifo } from './fifo-throughput';

export const SendMessage = (ctx: Ctx, input: OperationInput<'sqs', 'SendMessage'>): OperationOutput<'sqs', 'SendMessage'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const m = checkMessage(q, input);
  admitFifo(ctx, q, 'send', [m.groupId]);
  expire(ctx, q, ctx.clock.now());
  const sent = sendMessage(ctx, q, {
    body: m.body,
    delaySeconds: m.delaySeconds,
    attributes: input.MessageAttributes,
    systemAttributes: input.MessageSystemAttributes,
    groupId: m.groupId,
    dedupId: m.dedupId,
    senderId: ctx.principal.userId,
  });
  wakeAll(q.id);
  return sent;
};
