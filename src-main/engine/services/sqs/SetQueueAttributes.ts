import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { checkAttributes } from './attributes';
import { queueByUrl, saveAttributes } from './state/queues';
import { wakeAll } from './waiters';

export const SetQueueAttributes = (ctx: Ctx, input: OperationInput<'sqs', 'SetQueueAttributes'>): OperationOutput<'sqs', 'SetQueueAttributes'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const changes = checkAttributes(ctx, q.fifo === 1, input.Attributes ?? {}, false, q);
  const next = { ...q.attrs };
  for (const [k, v] of Object.entries(changes)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  saveAttributes(ctx, q, next);
  // A shorter retention or a redrive change can make messages receivable or gone: let polls re-read.
  wakeAll(q.id);
  return {};
};
