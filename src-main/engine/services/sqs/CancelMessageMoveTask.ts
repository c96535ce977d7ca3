import type { Ctx } from '../../core/provider';
import type { OperationInput, OperationOutput } from '../../models/generated';
import { resourceNotFound } from './errors';
import type { MoveTaskRow } from './move-tasks';

/** Stops a running move task; messages it already moved stay moved (AWS does not roll them back). */
export const CancelMessageMoveTask = (ctx: Ctx, input: OperationInput<'sqs', 'CancelMessageMoveTask'>): OperationOutput<'sqs', 'CancelMessageMoveTask'> => {
  const task = ctx.store
    .stmt('SELECT * FROM sqs_move_tasks WHERE account_id = ? AND region = ? AND task_handle = ?')
    .get(ctx.accountId, ctx.region, input.TaskHandle) as MoveTaskRow | undefined;
  if (!task || task.status !== 'RUNNING') throw resourceNotFound('Task does not exist.');
  ctx.store.stmt(`UPDATE sqs_move_tasks SET status = 'CANCELLED' WHERE task_handle = ?`).run(task.task_handle);
  return { ApproximateNumberOfMessagesMoved: task.moved };
};
