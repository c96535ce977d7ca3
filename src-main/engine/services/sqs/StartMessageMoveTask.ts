import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidParameterValue, resourceNotFound, unsupportedOperation } from './errors';
import { kickMoveTasks, movableCount } from './move-tasks';
import { listQueues, queueByArn, redriveOf } from './state/queues';

/**
 * Redrive from a dead-letter queue: its messages go back to the queues they came from (or to
 * DestinationArn) at MaxNumberOfMessagesPerSecond, on the simulated clock (move-tasks.ts). One
 * running task per source queue, as AWS allows.
 */
export const StartMessageMoveTask = (ctx: Ctx, input: OperationInput<'sqs', 'StartMessageMoveTask'>): OperationOutput<'sqs', 'StartMessageMoveTask'> => {
  const source = queueByArn(ctx, input.SourceArn);
  if (!source || source.account_id !== ctx.accountId) throw resourceNotFound('The resource that you specified for the SourceArn parameter does not exist.');
  const isDlq = listQueues(ctx, '').some((q) => redriveOf(q)?.deadLetterTargetArn === source.arn);
  if (!isDlq) throw invalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
  const rate = input.MaxNumberOfMessagesPerSecond;
  if (rate !== undefined && (rate < 1 || rate > 500)) throw invalidParameterValue('MaxNumberOfMessagesPerSecond must be between 1 and 500.');
  if (input.DestinationArn !== undefined && !queueByArn(ctx, input.DestinationArn))
    throw resourceNotFound('The resource that you specified for the DestinationArn parameter does not exist.');
  const running = ctx.store
    .stmt(`SELECT 1 FROM sqs_move_tasks WHERE account_id = ? AND region = ? AND source_arn = ? AND status = 'RUNNING'`)
    .get(ctx.accountId, ctx.region, source.arn);
  if (running) throw unsupportedOperation('There is already a task running. Only one active task is allowed for each source queue arn at a given time.');
  const now = ctx.clock.now();
  const handle = Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn: source.arn })).toString('base64');
  ctx.store
    .stmt(
      `INSERT INTO sqs_move_tasks (task_handle, account_id, region, source_arn, destination_arn, max_per_second, status, started_at, moved, to_move)
       VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, ?)`,
    )
    .run(handle, ctx.accountId, ctx.region, source.arn, input.DestinationArn ?? null, rate ?? null, now, movableCount(ctx, source.id, now));
  kickMoveTasks(ctx);
  return { TaskHandle: handle };
};
