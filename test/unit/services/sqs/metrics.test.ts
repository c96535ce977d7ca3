import { describe, expect, it } from 'vitest';
import { sqsMetrics } from '../../../../src-main/engine/services/sqs/metrics';
import { sqsLab } from './lab';

describe('AWS/SQS metrics', () => {
  it('samples depth at the end of a period and counts sends, receives and deletes during it', async () => {
    const lab = sqsLab();
    const url = await lab.queue('metered', { VisibilityTimeout: '300' });
    const minute = Math.floor(lab.clock.now() / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: `m${i}` });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'later', DelaySeconds: 600 });
    const got = (await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 2 })).Messages;
    await lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: got[0].ReceiptHandle });
    await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
    await lab.sqs('ReceiveMessage', { QueueUrl: url });
    lab.tick(20);
    const at = minute + 60_000;
    const samples = sqsMetrics.sample!({ store: lab.engine.store }, { accountId: lab.engine.account.accountId, region: 'us-east-1' }, at, 60_000);
    const byName = Object.fromEntries(samples.map((s) => [s.name, s.value]));
    expect(samples.every((s) => s.dimensions.QueueName === 'metered')).toBe(true);
    expect(byName).toMatchObject({
      ApproximateNumberOfMessagesVisible: 0,
      ApproximateNumberOfMessagesNotVisible: 2,
      ApproximateNumberOfMessagesDelayed: 1,
      NumberOfMessagesSent: 4,
      NumberOfMessagesReceived: 3,
      NumberOfMessagesDeleted: 1,
      NumberOfEmptyReceives: 1,
    });
    expect(byName.ApproximateAgeOfOldestMessage).toBeGreaterThanOrEqual(0);
    const next = sqsMetrics.sample!({ store: lab.engine.store }, { accountId: lab.engine.account.accountId, region: 'us-east-1' }, at + 60_000, 60_000);
    expect(Object.fromEntries(next.map((s) => [s.name, s.value])).NumberOfMessagesSent).toBe(0);
  });
});

describe('AWS/SQS metrics in CloudWatch', () => {
  it('the monitoring loop publishes queue depth each simulated minute (what chapter 17 alarms on)', async () => {
    const lab = sqsLab();
    const url = await lab.queue('scaled');
    for (let i = 0; i < 5; i++) await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: `job ${i}` });
    const start = lab.clock.now();
    lab.tick(180);
    const stats = (await lab.engine.call(lab.engine.account.root, 'monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: 'scaled' }],
      StartTime: new Date(start - 60_000),
      EndTime: new Date(lab.clock.now()),
      Period: 60,
      Statistics: ['Maximum'],
    }, { region: 'us-east-1' })) as { Datapoints: { Maximum: number }[] };
    expect(stats.Datapoints.length).toBeGreaterThanOrEqual(2);
    expect(stats.Datapoints.every((d) => d.Maximum === 5)).toBe(true);
  });
});
