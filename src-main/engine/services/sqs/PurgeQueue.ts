import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { purgeQueueInProgress } from './errors';
import { purgeMessages } from './state/messages';
import { queueByUrl } from './state/queues';

/** Deletes every message (in flight too); one purge per queue per 60 s, as AWS allows. */
export const PurgeQueue = (ctx: Ctx, input: OperationInput<'sqs', 'PurgeQueue'>): OperationOutput<'sqs', 'PurgeQueue'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  const now = ctx.clock.now();
  if (q.purged_at !== null && now - q.purged_at < 60_000) throw purgeQueueInProgress(q.name);
  purgeMessages(ctx, q);
  ctx.store.stmt('UPDATE sqs_queues SET purged_at = ? WHERE id = ?').run(now, q.id);
  return {};
};
