/**
 * AWS/SQS metrics, per QueueName: the queue's depth at the end of each period (visible, in flight,
 * delayed, age of the oldest message) and the sends, receives and deletes counted during it.
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import type { Store } from '../../store/store';

const gauge = (name: string, unit = 'Count') => ({ name, dimensions: ['QueueName'], unit });

interface QueueSample {
  id: number;
  name: string;
  attributes: string;
}

function sample(engine: { store: Store }, scope: { accountId: string; region: string }, at: number, periodMs: number): MetricSample[] {
  const { store } = engine;
  const queues = store.stmt('SELECT id, name, attributes FROM sqs_queues WHERE account_id = ? AND region = ?').all(scope.accountId, scope.region) as QueueSample[];
  const out: MetricSample[] = [];
  const depth = store.stmt(
    `SELECT coalesce(sum(visible_at <= @at), 0) AS visible, coalesce(sum(visible_at > @at AND receipt IS NOT NULL), 0) AS inFlight,
            coalesce(sum(visible_at > @at AND receipt IS NULL), 0) AS delayed, min(enqueued_at) AS oldest
     FROM sqs_messages WHERE queue_id = @id AND enqueued_at > @expired AND sent_at <= @at`,
  );
  const counts = store.stmt(
    `SELECT coalesce(sum(sent), 0) AS sent, coalesce(sum(sent_bytes), 0) AS bytes, coalesce(sum(received), 0) AS received,
            coalesce(sum(deleted), 0) AS deleted, coalesce(sum(empty_receives), 0) AS empty
     FROM sqs_metric_counts WHERE queue_id = ? AND minute >= ? AND minute < ?`,
  );
  for (const q of queues) {
    const retention = Number((JSON.parse(q.attributes) as Record<string, string>).MessageRetentionPeriod) * 1000;
    const d = depth.get({ id: q.id, at, expired: at - retention }) as { visible: number; inFlight: number; delayed: number; oldest: number | null };
    const c = counts.get(q.id, Math.floor((at - periodMs) / 60_000), Math.floor(at / 60_000)) as { sent: number; bytes: number; received: number; deleted: number; empty: number };
    const dims = { QueueName: q.name };
    const push = (name: string, value: number, unit = 'Count') => out.push({ name, dimensions: dims, value, unit });
    push('ApproximateNumberOfMessagesVisible', d.visible);
    push('ApproximateNumberOfMessagesNotVisible', d.inFlight);
    push('ApproximateNumberOfMessagesDelayed', d.delayed);
    push('ApproximateAgeOfOldestMessage', d.oldest === null ? 0 : Math.max(0, Math.floor((at - d.oldest) / 1000)), 'Seconds');
    push('NumberOfMessagesSent', c.sent);
    push('NumberOfMessagesReceived', c.received);
    push('NumberOfMessagesDeleted', c.deleted);
    push('NumberOfEmptyReceives', c.empty);
    if (c.sent > 0) push('SentMessageSize', c.bytes / c.sent, 'Bytes');
  }
  return out;
}

export const sqsMetrics: ServiceMetrics = {
  namespace: 'AWS/SQS',
  metrics: [
    gauge('ApproximateNumberOfMessagesVisible'),
    gauge('ApproximateNumberOfMessagesNotVisible'),
    gauge('ApproximateNumberOfMessagesDelayed'),
    gauge('ApproximateAgeOfOldestMessage', 'Seconds'),
    gauge('NumberOfMessagesSent'),
    gauge('NumberOfMessagesReceived'),
    gauge('NumberOfMessagesDeleted'),
    gauge('NumberOfEmptyReceives'),
    gauge('SentMessageSize', 'Bytes'),
  ],
  sample,
};
