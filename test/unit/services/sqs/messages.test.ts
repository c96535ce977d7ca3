import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5OfAttributes } from '../../../../src-main/engine/services/sqs/md5';
import { counts, expectSqsError, sqsLab } from './lab';

const md5 = (b: string | Buffer) => createHash('md5').update(b).digest('hex');

/** The attribute digest laid out by hand: length-prefixed name, type, transport byte, value. */
function manualDigest(entries: [string, string, number, Buffer][]): string {
  const len = (b: Buffer) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(b.length);
    return Buffer.concat([l, b]);
  };
  return md5(Buffer.concat(entries.flatMap(([n, t, kind, v]) => [len(Buffer.from(n)), len(Buffer.from(t)), Buffer.from([kind]), len(v)])));
}

describe('message digests', () => {
  it('MD5OfMessageAttributes sorts by name and length-prefixes name, type and value', () => {
    const attrs = { zeta: { DataType: 'String', StringValue: 'é' }, alpha: { DataType: 'Binary.gz', BinaryValue: Buffer.from([0, 1, 2]) }, mid: { DataType: 'Number', StringValue: '42' } };
    expect(md5OfAttributes(attrs)).toBe(
      manualDigest([
        ['alpha', 'Binary.gz', 2, Buffer.from([0, 1, 2])],
        ['mid', 'Number', 1, Buffer.from('42')],
        ['zeta', 'String', 1, Buffer.from('é')],
      ]),
    );
  });

  it('SendMessage and ReceiveMessage answer the body and attribute digests', async () => {
    const lab = sqsLab();
    const url = await lab.queue('d');
    const attrs = { a: { DataType: 'String', StringValue: 'x' }, b: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2]) } };
    const sent = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'héllo 😀', MessageAttributes: attrs, MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793' } } });
    expect(sent.MD5OfMessageBody).toBe(md5('héllo 😀'));
    expect(sent.MD5OfMessageAttributes).toBe(manualDigest([['a', 'String', 1, Buffer.from('x')], ['b', 'Binary', 2, Buffer.from([1, 2])]]));
    expect(sent.MD5OfMessageSystemAttributes).toBe(manualDigest([['AWSTraceHeader', 'String', 1, Buffer.from('Root=1-5759e988-bd862e3fe1be46a994272793')]]));
    const got = (await lab.sqs('ReceiveMessage', { QueueUrl: url, MessageAttributeNames: ['a'], MessageSystemAttributeNames: ['AWSTraceHeader', 'SentTimestamp'] })).Messages[0];
    expect(got.MD5OfBody).toBe(sent.MD5OfMessageBody);
    // Only the attributes returned are hashed, so SDKs can verify what they received.
    expect(got.MessageAttributes).toEqual({ a: { DataType: 'String', StringValue: 'x' } });
    expect(got.MD5OfMessageAttributes).toBe(manualDigest([['a', 'String', 1, Buffer.from('x')]]));
    expect(got.Attributes).toEqual({ AWSTraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793', SentTimestamp: String(lab.clock.now()) });
  });

  it('refuses bad bodies and attributes with AWS wording', async () => {
    const lab = sqsLab();
    const url = await lab.queue('v', { MaximumMessageSize: '1024' });
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'bad\u0001' }), 'InvalidMessageContents', /Invalid binary character '#x1'/);
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x'.repeat(1025) }), 'InvalidParameterValue', 'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.');
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } } }), 'InvalidParameterValue', /to a number/);
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageAttributes: { n: { DataType: 'Text', StringValue: 'abc' } } }), 'InvalidParameterValue', /supported type prefixes/);
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', DelaySeconds: 901 }), 'InvalidParameterValue');
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageDeduplicationId: 'd' }), 'InvalidParameterValue');
  });
});

describe('visibility, delay, retention', () => {
  it('a received message reappears after its visibility timeout, not before; receipts of older receives no longer delete', async () => {
    const lab = sqsLab();
    const url = await lab.queue('vis', { VisibilityTimeout: '30' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'job' });
    const first = (await lab.sqs('ReceiveMessage', { QueueUrl: url })).Messages[0];
    lab.tick(29);
    expect((await lab.sqs('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
    expect(await counts(lab, url)).toEqual([0, 1, 0]);
    lab.tick(1);
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
    const second = (await lab.sqs('ReceiveMessage', { QueueUrl: url, AttributeNames: ['ApproximateReceiveCount'] })).Messages[0];
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
    expect(second.Attributes.ApproximateReceiveCount).toBe('2');
    await lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: first.ReceiptHandle });
    expect(await counts(lab, url)).toEqual([0, 1, 0]);
    await lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: second.ReceiptHandle });
    expect(await counts(lab, url)).toEqual([0, 0, 0]);
    // Deleting again is not an error; a handle that is not one is.
    await lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: second.ReceiptHandle });
    await expectSqsError(lab.sqs('DeleteMessage', { QueueUrl: url, ReceiptHandle: 'garbage' }), 'ReceiptHandleIsInvalid', 'The input receipt handle "garbage" is not a valid receipt handle.');
  });

  it('ChangeMessageVisibility extends or ends the timeout; a visible message is not in flight', async () => {
    const lab = sqsLab();
    const url = await lab.queue('cmv');
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'job' });
    const m = (await lab.sqs('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 10 })).Messages[0];
    lab.tick(8);
    await lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 60 });
    lab.tick(59);
    expect(await counts(lab, url)).toEqual([0, 1, 0]);
    await lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 });
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
    await expectSqsError(lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 5 }), 'MessageNotInflight', undefined, 'AWS.SimpleQueueService.MessageNotInflight');
    await expectSqsError(lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 43201 }), 'InvalidParameterValue');
  });

  it('a message stays invisible at most 12 hours from its receive', async () => {
    const lab = sqsLab();
    const url = await lab.queue('twelve');
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'job' });
    const m = (await lab.sqs('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 43200 })).Messages[0];
    lab.tick(3600);
    await expectSqsError(
      lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 43200 }),
      'InvalidParameterValue',
      'Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]',
    );
    await lab.sqs('ChangeMessageVisibility', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 39600 });
  });

  it('delays: per queue and per message; Delayed counts them until they are due', async () => {
    const lab = sqsLab();
    const url = await lab.queue('delay', { DelaySeconds: '10' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'queue delay' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'own delay', DelaySeconds: 0 });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'longer', DelaySeconds: 20 });
    expect(await counts(lab, url)).toEqual([1, 0, 2]);
    lab.tick(10);
    expect(await counts(lab, url)).toEqual([2, 0, 1]);
    lab.tick(10);
    expect(await counts(lab, url)).toEqual([3, 0, 0]);
  });

  it('messages expire after the retention period, counted from their first enqueue', async () => {
    const lab = sqsLab();
    const url = await lab.queue('ret', { MessageRetentionPeriod: '60' });
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'old' });
    lab.tick(30);
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'new' });
    lab.tick(30);
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
    expect((await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages.map((m: { Body: string }) => m.Body)).toEqual(['new']);
  });
});

describe('batches', () => {
  it('SendMessageBatch reports each entry; batch-level errors refuse the whole call', async () => {
    const lab = sqsLab();
    const url = await lab.queue('batch');
    const out = await lab.sqs('SendMessageBatch', {
      QueueUrl: url,
      Entries: [
        { Id: 'ok1', MessageBody: 'one' },
        { Id: 'bad', MessageBody: 'two', DelaySeconds: 1000 },
        { Id: 'ok2', MessageBody: 'three' },
      ],
    });
    expect(out.Successful.map((s: { Id: string }) => s.Id)).toEqual(['ok1', 'ok2']);
    expect(out.Successful[0].MD5OfMessageBody).toBe(md5('one'));
    expect(out.Failed).toEqual([{ Id: 'bad', SenderFault: true, Code: 'InvalidParameterValue', Message: 'Value 1000 for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.' }]);
    expect(await counts(lab, url)).toEqual([2, 0, 0]);
    await expectSqsError(lab.sqs('SendMessageBatch', { QueueUrl: url, Entries: [] }), 'EmptyBatchRequest', undefined, 'AWS.SimpleQueueService.EmptyBatchRequest');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: 'x' }));
    await expectSqsError(lab.sqs('SendMessageBatch', { QueueUrl: url, Entries: eleven }), 'TooManyEntriesInBatchRequest', undefined, 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest');
    await expectSqsError(lab.sqs('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'x' }, { Id: 'a', MessageBody: 'y' }] }), 'BatchEntryIdsNotDistinct');
    await expectSqsError(lab.sqs('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: 'a b', MessageBody: 'x' }] }), 'InvalidBatchEntryId');
  });

  it('DeleteMessageBatch and ChangeMessageVisibilityBatch fail per entry', async () => {
    const lab = sqsLab();
    const url = await lab.queue('b2');
    await lab.sqs('SendMessageBatch', { QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] });
    const [a, b] = (await lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages;
    const cmv = await lab.sqs('ChangeMessageVisibilityBatch', { QueueUrl: url, Entries: [{ Id: 'a', ReceiptHandle: a.ReceiptHandle, VisibilityTimeout: 0 }, { Id: 'x', ReceiptHandle: 'junk', VisibilityTimeout: 0 }] });
    expect(cmv.Successful).toEqual([{ Id: 'a' }]);
    expect(cmv.Failed[0]).toMatchObject({ Id: 'x', SenderFault: true, Code: 'ReceiptHandleIsInvalid' });
    const del = await lab.sqs('DeleteMessageBatch', { QueueUrl: url, Entries: [{ Id: 'b', ReceiptHandle: b.ReceiptHandle }, { Id: 'y', ReceiptHandle: 'junk' }] });
    expect(del.Successful).toEqual([{ Id: 'b' }]);
    expect(del.Failed[0]).toMatchObject({ Id: 'y', Code: 'ReceiptHandleIsInvalid' });
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
  });
});

describe('dead-letter queues', () => {
  it('a message received maxReceiveCount times moves to the DLQ with its attributes; StartMessageMoveTask brings it back', async () => {
    const lab = sqsLab();
    const dlq = await lab.queue('jobs-dlq');
    const account = lab.engine.account.accountId;
    const url = await lab.queue('jobs', { VisibilityTimeout: '5', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:${account}:jobs-dlq`, maxReceiveCount: 2 }) });
    const sent = await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'poison', MessageAttributes: { kind: { DataType: 'String', StringValue: 'png' } } });
    for (let i = 0; i < 2; i++) {
      expect((await lab.sqs('ReceiveMessage', { QueueUrl: url })).Messages).toHaveLength(1);
      lab.tick(5);
    }
    expect((await lab.sqs('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
    expect(await counts(lab, url)).toEqual([0, 0, 0]);
    expect(await counts(lab, dlq)).toEqual([1, 0, 0]);
    const dead = (await lab.sqs('ReceiveMessage', { QueueUrl: dlq, AttributeNames: ['All'], MessageAttributeNames: ['All'], VisibilityTimeout: 0 })).Messages[0];
    expect(dead.MessageId).toBe(sent.MessageId);
    expect(dead.Body).toBe('poison');
    expect(dead.MessageAttributes).toEqual({ kind: { DataType: 'String', StringValue: 'png' } });
    expect(dead.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect(dead.Attributes.DeadLetterQueueSourceArn).toBe(`arn:aws:sqs:us-east-1:${account}:jobs`);

    const dlqArn = `arn:aws:sqs:us-east-1:${account}:jobs-dlq`;
    const task = await lab.sqs('StartMessageMoveTask', { SourceArn: dlqArn });
    expect(task.TaskHandle).toBeTruthy();
    expect((await lab.sqs('ListMessageMoveTasks', { SourceArn: dlqArn })).Results[0]).toMatchObject({ Status: 'RUNNING', TaskHandle: task.TaskHandle });
    lab.tick(1);
    expect(await counts(lab, dlq)).toEqual([0, 0, 0]);
    expect(await counts(lab, url)).toEqual([1, 0, 0]);
    const tasks = await lab.sqs('ListMessageMoveTasks', { SourceArn: dlqArn });
    expect(tasks.Results[0]).toMatchObject({ Status: 'COMPLETED', SourceArn: dlqArn, ApproximateNumberOfMessagesMoved: 1, ApproximateNumberOfMessagesToMove: 1 });
    await expectSqsError(lab.sqs('StartMessageMoveTask', { SourceArn: `arn:aws:sqs:us-east-1:${account}:jobs` }), 'InvalidParameterValue', /Dead Letter Queue/);
  });

  it('a move task runs at MaxNumberOfMessagesPerSecond on the simulated clock, one per source, and CancelMessageMoveTask stops it', async () => {
    const lab = sqsLab();
    const account = lab.engine.account.accountId;
    const dlq = await lab.queue('slow-dlq');
    const dlqArn = `arn:aws:sqs:us-east-1:${account}:slow-dlq`;
    const target = await lab.queue('elsewhere');
    await lab.queue('slow', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }) });
    for (let i = 0; i < 5; i++) await lab.sqs('SendMessage', { QueueUrl: dlq, MessageBody: `m${i}` });
    const task = await lab.sqs('StartMessageMoveTask', { SourceArn: dlqArn, DestinationArn: `arn:aws:sqs:us-east-1:${account}:elsewhere`, MaxNumberOfMessagesPerSecond: 2 });
    await expectSqsError(lab.sqs('StartMessageMoveTask', { SourceArn: dlqArn }), 'UnsupportedOperation', /already a task running/);
    lab.tick(1);
    expect(await counts(lab, target)).toEqual([2, 0, 0]);
    lab.tick(1);
    expect(await counts(lab, dlq)).toEqual([1, 0, 0]);
    const cancelled = await lab.sqs('CancelMessageMoveTask', { TaskHandle: task.TaskHandle });
    expect(cancelled.ApproximateNumberOfMessagesMoved).toBe(4);
    lab.tick(5);
    expect(await counts(lab, dlq)).toEqual([1, 0, 0]);
    const listed = (await lab.sqs('ListMessageMoveTasks', { SourceArn: dlqArn })).Results[0];
    expect(listed).toMatchObject({ Status: 'CANCELLED', ApproximateNumberOfMessagesMoved: 4, ApproximateNumberOfMessagesToMove: 5, MaxNumberOfMessagesPerSecond: 2 });
    expect(listed.TaskHandle).toBeUndefined();
    await expectSqsError(lab.sqs('CancelMessageMoveTask', { TaskHandle: task.TaskHandle }), 'ResourceNotFoundException', /Task does not exist/);
  });
});
