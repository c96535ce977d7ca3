import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { queueByUrl } from './state/queues';
import { wakeAll } from './waiters';
import { forgetQueueQuota } from './fifo-throughput';

/** Deletes the queue and its messages; its name stays taken for 60 s (QueueDeletedRecently). */
export const DeleteQueue = (ctx: Ctx, input: OperationInput<'sqs', 'DeleteQueue'>): OperationOutput<'sqs', 'DeleteQueue'> => {
  const q = queueByUrl(ctx, input.QueueUrl);
  ctx.store.stmt('DELETE FROM sqs_queues WHERE id = ?').run(q.id);
  forgetQueueQuota(ctx, q.id);
  ctx.store
    .stmt('INSERT INTO sqs_deleted_queues (account_id, region, name, deleted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET deleted_at = excluded.deleted_at')
    .run(q.account_id, q.region, q.name, ctx.clock.now());
  wakeAll(q.id);
  return {};
};
