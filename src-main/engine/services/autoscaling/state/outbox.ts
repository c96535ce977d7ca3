/**
 * Sends what the outbox holds (lifecycle hook notifications) once the transaction that wrote it
 * has committed: SQS queues through GetQueueUrl + SendMessage, SNS topics through Publish, as the
 * Auto Scaling service principal. A message that cannot be delivered is dropped, as AWS drops it.
 */
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';

interface OutboxRow {
  seq: number;
  target_arn: string;
  subject: string;
  message: string;
}

export async function flushOutbox(store: Store, ctx: Ctx, group: string): Promise<void> {
  if (!store.db.open) return;
  const rows = store.tx(() => {
    const out = store.stmt('SELECT seq, target_arn, subject, message FROM autoscaling_outbox WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY seq').all(ctx.accountId, ctx.region, group) as OutboxRow[];
    for (const r of out) store.stmt('DELETE FROM autoscaling_outbox WHERE seq = ?').run(r.seq);
    return out;
  });
  for (const r of rows) {
    const [, , service, region, account, name] = r.target_arn.split(':');
    const as = (svc: string, op: string, input: Record<string, unknown>) => ctx.call(ctx.principal, svc, op, input, { region: region || ctx.region, source: 'internal' });
    try {
      if (service === 'sqs') {
        const { QueueUrl } = (await as('sqs', 'GetQueueUrl', { QueueName: name, QueueOwnerAWSAccountId: account })) as { QueueUrl: string };
        await as('sqs', 'SendMessage', { QueueUrl, MessageBody: r.message });
      } else if (service === 'sns') await as('sns', 'Publish', { TopicArn: r.target_arn, Subject: r.subject, Message: r.message });
    } catch {
      // Undeliverable (the queue or topic is gone, or the role may not use it): dropped.
    }
  }
}
