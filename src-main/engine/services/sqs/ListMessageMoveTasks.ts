import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { invalidParameterValue, resourceNotFound } from './errors';
import type { MoveTaskRow } from './move-tasks';
import { queueByArn } from './state/queues';

/** The most recent move tasks of a source queue, newest first (default 1, at most 10). */
export const ListMessageMoveTasks = (ctx: Ctx, input: OperationInput<'sqs', 'ListMessageMoveTasks'>): OperationOutput<'sqs', 'ListMessageMoveTasks'> => {
  if (!queueByArn(ctx, input.SourceArn)) throw resourceNotFound('The resource that you specified for the SourceArn parameter does not exist.');
  const max = input.MaxResults ?? 1;
  if (max < 1 || max > 10) throw invalidParameterValue('MaxResults must be between 1 and 10.');
  const rows = ctx.store
    .stmt('SELECT * FROM sqs_move_tasks WHERE account_id = ? AND region = ? AND source_arn = ? ORDER BY started_at DESC, rowid DESC LIMIT ?')
    .all(ctx.accountId, ctx.region, input.SourceArn, max) as MoveTaskRow[];
  return {
    Results: rows.map((r) => ({
      TaskHandle: r.status === 'RUNNING' ? r.task_handle : undefined,
      Status: r.status,
      SourceArn: r.source_arn,
      ...(r.destination_arn ? { DestinationArn: r.destination_arn } : {}),
      ...(r.max_per_second !== null ? { MaxNumberOfMessagesPerSecond: r.max_per_second } : {}),
      ApproximateNumberOfMessagesMoved: r.moved,
      ApproximateNumberOfMessagesToMove: r.to_move,
      ...(r.failure_reason ? { FailureReason: r.failure_reason } : {}),
      StartedTimestamp: r.started_at,
    })),
  };
};
