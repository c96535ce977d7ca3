/** Per-minute counts of sends, receives and deletes, for CloudWatch's NumberOf* metrics. */
import type { Ctx } from '../../../core/provider';

type Column = 'sent' | 'sent_bytes' | 'received' | 'deleted' | 'empty_receives';

export function count(ctx: Ctx, queueId: number, column: Column, n = 1): void {
  if (n === 0) return;
  ctx.store
    .stmt(`INSERT INTO sqs_metric_counts (queue_id, minute, ${column}) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET ${column} = ${column} + excluded.${column}`)
    .run(queueId, Math.floor(ctx.clock.now() / 60_000), n);
}
