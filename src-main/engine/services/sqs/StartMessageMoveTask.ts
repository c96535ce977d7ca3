import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidParameterValue, resourceNotFound } from './errors';
import { dlqMessages, moveMessage } from './state/messages';
import { listQueues, queueByArn, redriveOf, type Queue } from './state/queues';
import { wakeAll } from './waiters';

/**
 * Redrive from a dead-letter queue: every message goes back to the queue it came from (or to
 * DestinationArn). The lab moves them at once, in this call's transaction, rather than at
 * MaxNumberOfMessagesPerSecond; the task is then recorded as COMPLETED for ListMessageMoveTasks.
 */
export const StartMessageMoveTask = (ctx: Ctx, input: OperationInput<'sqs', 'StartMessageMoveTask'>): OperationOutput<'sqs', 'StartMessageMoveTask'> => {
  const source = queueByArn(ctx, input.SourceArn);
  if (!source || source.account_id !== ctx.accountId) throw resourceNotFound('The resource that you specified for the SourceArn parameter does not exist.');
  const isDlq = listQueues(ctx, '').some((q) => redriveOf(q)?.deadLetterTargetArn === source.arn);
  if (!isDlq) throw invalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
  const rate = input.MaxNumberOfMessagesPerSecond;
  if (rate !== undefined && (rate < 1 || rate > 500)) throw invalidParameterValue('MaxNumberOfMessagesPerSecond must be between 1 and 500.');
  let destination: Queue | undefined;
  if (input.DestinationArn !== undefined) {
    destination = queueByArn(ctx, input.DestinationArn);
    if (!destination) throw resourceNotFound('The resource that you specified for the DestinationArn parameter does not exist.');
  }
  const now = ctx.clock.now();
  const rows = dlqMessages(ctx, source);
  let moved = 0;
  const woken = new Set<number>();
  for (const row of rows) {
    const dest = destination ?? (row.dlq_source_arn ? queueByArn(ctx, row.dlq_source_arn) : undefined);
    if (!dest) continue;
    moveMessage(ctx, row, dest, now);
    woken.add(dest.id);
    moved++;
  }
  woken.forEach(wakeAll);
  const handle = Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn: source.arn })).toString('base64');
  ctx.store
    .stmt(
      `INSERT INTO sqs_move_tasks (task_handle, account_id, region, source_arn, destination_arn, max_per_second, status, started_at, moved, to_move)
       VALUES (?, ?, ?, ?, ?, ?, 'COMPLETED', ?, ?, ?)`,
    )
    .run(handle, ctx.accountId, ctx.region, source.arn, input.DestinationArn ?? null, rate ?? null, now, moved, rows.length);
  return { TaskHandle: handle };
};
