/**
 * Message move tasks (DLQ redrive) run on the simulated clock, as AWS runs them in the background:
 * once a simulated second, each RUNNING task moves up to MaxNumberOfMessagesPerSecond available
 * messages (500 when unset, AWS's ceiling) from its dead-letter queue to their source queue or to
 * DestinationArn, in one transaction per step. A task is COMPLETED once it moved what was there when it
 * started (or nothing is left), FAILED when a message's destination is gone, CANCELLED by
 * CancelMessageMoveTask. The state is rows of `sqs_move_tasks`, so a restart resumes them.
 */
import type { Ctx, ServiceStart } from '../../core/provider';
import { moveMessage, type MessageRow } from './state/messages';
import { queueByArn } from './state/queues';
import { wakeAll } from './waiters';

const STEP_MS = 1000;
export const DEFAULT_MOVE_RATE = 500;

type Engine = Pick<ServiceStart, 'store' | 'clock'>;

export interface MoveTaskRow {
  task_handle: string;
  account_id: string;
  region: string;
  source_arn: string;
  destination_arn: string | null;
  max_per_second: number | null;
  status: string;
  started_at: number;
  moved: number;
  to_move: number;
  failure_reason: string | null;
}

/** Messages of a queue a move task may take now (not delayed, not in flight). */
export function movableCount(ctx: Pick<Ctx, 'store'>, queueId: number, now: number): number {
  return (
    ctx.store.stmt('SELECT COUNT(*) AS n FROM sqs_messages WHERE queue_id = ? AND visible_at <= ?').get(queueId, now) as {
      n: number;
    }
  ).n;
}

function step(engine: Engine, task: MoveTaskRow): void {
  // The queue helpers read only the store (ARNs carry account and region).
  const ctx = { store: engine.store, clock: engine.clock, accountId: task.account_id, region: task.region } as Ctx;
  const now = engine.clock.now();
  const finish = (status: string, reason?: string) =>
    engine.store
      .stmt('UPDATE sqs_move_tasks SET status = ?, failure_reason = ? WHERE task_handle = ?')
      .run(status, reason ?? null, task.task_handle);
  const source = queueByArn(ctx, task.source_arn);
  if (!source) return void finish('FAILED', 'The source queue was deleted.');
  const fixed = task.destination_arn ? queueByArn(ctx, task.destination_arn) : undefined;
  if (task.destination_arn && !fixed) return void finish('FAILED', 'The destination queue was deleted.');
  const budget = Math.min(task.max_per_second ?? DEFAULT_MOVE_RATE, task.to_move - task.moved);
  const rows = engine.store
    .stmt('SELECT * FROM sqs_messages WHERE queue_id = ? AND visible_at <= ? ORDER BY seq LIMIT ?')
    .all(source.id, now, Math.max(budget, 0)) as MessageRow[];
  let moved = 0;
  const woken = new Set<number>();
  for (const row of rows) {
    const dest = fixed ?? (row.dlq_source_arn ? queueByArn(ctx, row.dlq_source_arn) : undefined);
    if (!dest) {
      finish('FAILED', row.dlq_source_arn ? 'The source queue of a message was deleted.' : 'A message has no source queue; give DestinationArn.');
      break;
    }
    moveMessage(ctx, row, dest, now);
    woken.add(dest.id);
    moved++;
  }
  engine.store.stmt('UPDATE sqs_move_tasks SET moved = moved + ? WHERE task_handle = ?').run(moved, task.task_handle);
  const left = task.to_move - task.moved - moved;
  if (left <= 0 || rows.length === 0) {
    engine.store
      .stmt(`UPDATE sqs_move_tasks SET status = 'COMPLETED' WHERE task_handle = ? AND status = 'RUNNING'`)
      .run(task.task_handle);
  }
  woken.forEach(wakeAll);
}

const scheduled = new WeakSet<object>();

/** Runs one step of every running task, then schedules the next while any is still running. */
function tick(engine: Engine): void {
  scheduled.delete(engine.store);
  if (!engine.store.db.open) return;
  try {
    engine.store.tx(() => {
      const tasks = engine.store.stmt(`SELECT * FROM sqs_move_tasks WHERE status = 'RUNNING'`).all() as MoveTaskRow[];
      for (const t of tasks) step(engine, t);
    });
  } catch (e) {
    console.error('[nimbus] sqs message move step failed', e);
  }
  kickMoveTasks(engine);
}

/** Schedules the next step if a task is running (called by StartMessageMoveTask and at start). */
export function kickMoveTasks(engine: Engine): void {
  if (scheduled.has(engine.store) || !engine.store.db.open) return;
  const running = engine.store.stmt(`SELECT 1 FROM sqs_move_tasks WHERE status = 'RUNNING' LIMIT 1`).get();
  if (!running) return;
  scheduled.add(engine.store);
  engine.clock.at(engine.clock.now() + STEP_MS, () => tick(engine));
}
