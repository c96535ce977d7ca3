import { describe, expect, it } from 'vitest';
import { counts, expectSqsError, sqsLab, type SqsLab } from './lab';

const bodies = (out: { Messages?: { Body: string }[] }) => (out.Messages ?? []).map((m) => m.Body);

async function fifo(lab: SqsLab, attrs: Record<string, string> = {}) {
  return lab.queue('orders.fifo', { FifoQueue: 'true', ...attrs });
}

describe('FIFO queues', () => {
  it('need a group id and a dedup id (or content-based dedup); refuse per-message delays', async () => {
    const lab = sqsLab();
    const url = await fifo(lab);
    const a = (await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes;
    expect(a).toMatchObject({ FifoQueue: 'true', ContentBasedDeduplication: 'false', DeduplicationScope: 'queue', FifoThroughputLimit: 'perQueue' });
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x' }), 'MissingParameter', 'The request must contain the parameter MessageGroupId.');
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g' }), 'InvalidParameterValue', /ContentBasedDeduplication/);
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 5 }), 'InvalidParameterValue');
    await expectSqsError(lab.queue('plain.fifo'), 'InvalidParameterValue');
  });

  it('deduplicates within 5 minutes, answering the first send; content-based dedup hashes the body', async () => {
    const lab = sqsLab();
    const url = await fifo(lab, { ContentBasedDeduplication: 'true' });
    const first = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' });
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    lab.tick(299);
    const dup = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' });
    expect(dup.MessageId).toBe(first.MessageId);
    expect(dup.SequenceNumber).toBe(first.SequenceNumber);
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
    const explicit = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g', MessageDeduplicationId: 'other' });
    expect(explicit.MessageId).not.toBe(first.MessageId);
    lab.tick(1);
    const after = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'same', MessageGroupId: 'g' });
    expect(after.MessageId).not.toBe(first.MessageId);
    expect(BigInt(after.SequenceNumber)).toBeGreaterThan(BigInt(explicit.SequenceNumber));
    expect(await counts(lab, url)).toEqual([3, 0, 0]);
  });

  it('messageGroup dedup scope: the same id in two groups is two messages', async () => {
    const lab = sqsLab();
    const url = await fifo(lab, { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'a', MessageGroupId: 'g1', MessageDeduplicationId: 'd' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'a', MessageGroupId: 'g2', MessageDeduplicationId: 'd' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'a', MessageGroupId: 'g2', MessageDeduplicationId: 'd' });
    expect(await counts(lab, url)).toEqual([2, 0, 0]);
  });

  it('keeps order within a group and blocks a group while one of its messages is in flight', async () => {
    const lab = sqsLab();
    const url = await fifo(lab, { VisibilityTimeout: '30' });
    let n = 0;
    for (const [g, body] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['a', 'a3'], ['b', 'b2']]) {
      await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: body, MessageGroupId: g, MessageDeduplicationId: String(n++) });
    }
    // One receive takes as many of one group as it can: a1 a2 a3 before any of b.
    const peek = await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 2, VisibilityTimeout: 0 });
    expect(bodies(peek)).toEqual(['a1', 'a2']);
    const first = await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 1 });
    expect(bodies(first)).toEqual(['a1']);
    expect(bodies(await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 1 }))).toEqual(['b1']);
    // Both groups have a message in flight: nothing else may be delivered yet.
    expect(bodies(await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 }))).toEqual([]);
    await lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: first.Messages[0].ReceiptHandle });
    const next = await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10, AttributeNames: ['MessageGroupId', 'SequenceNumber'] });
    expect(bodies(next)).toEqual(['a2', 'a3']);
    expect(next.Messages[0].Attributes.MessageGroupId).toBe('a');
    // b1's visibility runs out: it comes back before b2, in order.
    lab.tick(30);
    expect(bodies(await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 }))).toEqual(['b1', 'b2', 'a2', 'a3']);
  });

  it('a retried receive with the same ReceiveRequestAttemptId gets the same messages and receipts', async () => {
    const lab = sqsLab();
    const url = await fifo(lab);
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'm1', MessageGroupId: 'g', MessageDeduplicationId: '1' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'm2', MessageGroupId: 'h', MessageDeduplicationId: '2' });
    const a = await lab.sqs('ReceiveMessage', { QueueUrl: url, ReceiveRequestAttemptId: 'try-1' });
    const b = await lab.sqs('ReceiveMessage', { QueueUrl: url, ReceiveRequestAttemptId: 'try-1' });
    expect(b.Messages).toEqual(a.Messages);
    const c = await lab.sqs('ReceiveMessage', { QueueUrl: url, ReceiveRequestAttemptId: 'try-2' });
    expect(bodies(c)).toEqual(['m2']);
  });

  it('a FIFO receipt from an earlier receive no longer deletes', async () => {
    const lab = sqsLab();
    const url = await fifo(lab, { VisibilityTimeout: '5' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'm', MessageGroupId: 'g', MessageDeduplicationId: '1' });
    const old = (await lab.sqs('ReceiveMessage', { QueueUrl: url })).Messages[0];
    lab.tick(5);
    await lab.sqs('ReceiveMessage', { QueueUrl: url });
    await expectSqsError(lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: old.ReceiptHandle }), 'ReceiptHandleIsInvalid', 'The receipt handle has expired.');
  });
});

describe('FIFO throughput quotas', () => {
  const send = (lab: SqsLab, url: string, group: string, i: number) =>
    lab.sqs('SendMessage', { QueueUrl: url, MessageBody: `m${i}`, MessageGroupId: group, MessageDeduplicationId: `${group}-${i}` });

  it('takes 300 sends per simulated second per queue; a batch is one transaction', async () => {
    const lab = sqsLab();
    const url = await fifo(lab);
    for (let i = 0; i < 300; i++) await send(lab, url, `g${i % 7}`, i);
    await expectSqsError(send(lab, url, 'g0', 300), 'RequestThrottled', 'Rate exceeded.');
    lab.tick(1);
    const batch = await lab.sqs('SendMessageBatch', {
      QueueUrl: url,
      Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `e${i}`, MessageBody: `b${i}`, MessageGroupId: 'g', MessageDeduplicationId: `b${i}` })),
    });
    expect(batch.Successful).toHaveLength(10);
    expect(await counts(lab, url)).toEqual([310, 0, 0]);
    // Standard queues have no such quota.
    const plain = await lab.queue('plain');
    for (let i = 0; i < 320; i++) await lab.sqs('SendMessage', { QueueUrl: plain, MessageBody: 'x' });
  });

  it('high throughput (messageGroup + perMessageGroupId) limits each message group instead; a mixed pair keeps the queue quota', async () => {
    const lab = sqsLab();
    const url = await fifo(lab, { DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' });
    for (let i = 0; i < 300; i++) await send(lab, url, 'hot', i);
    await expectSqsError(send(lab, url, 'hot', 300), 'RequestThrottled');
    for (let i = 0; i < 50; i++) await send(lab, url, 'cold', i);
    const mixed = await lab.queue('mixed.fifo', { FifoQueue: 'true', DeduplicationScope: 'queue', FifoThroughputLimit: 'perMessageGroupId' });
    for (let i = 0; i < 300; i++) await send(lab, mixed, `g${i}`, i);
    await expectSqsError(send(lab, mixed, 'fresh', 0), 'RequestThrottled');
  });
});
