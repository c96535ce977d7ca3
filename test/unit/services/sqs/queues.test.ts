import { describe, expect, it } from 'vitest';
import { counts, expectSqsError, sqsLab } from './lab';

describe('CreateQueue, GetQueueUrl, ListQueues, DeleteQueue', () => {
  it('creates with defaults, answers the same URL for an identical create, refuses a differing one', async () => {
    const lab = sqsLab();
    const url = await lab.queue('orders');
    expect(url).toBe(`http://127.0.0.1:4566/${lab.engine.account.accountId}/orders`);
    expect(await lab.queue('orders')).toBe(url);
    await expectSqsError(lab.queue('orders', { VisibilityTimeout: '60' }), 'QueueNameExists', /VisibilityTimeout/, 'QueueAlreadyExists');
    const a = (await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes;
    expect(a).toMatchObject({
      QueueArn: `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:orders`,
      VisibilityTimeout: '30',
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      ApproximateNumberOfMessages: '0',
    });
    expect(a.FifoQueue).toBeUndefined();
    expect((await lab.sqs('GetQueueUrl', { QueueName: 'orders' })).QueueUrl).toBe(url);
  });

  it('accepts KmsMasterKeyId: SSE-KMS instead of SSE-SQS', async () => {
    const lab = sqsLab();
    const url = await lab.queue('secret', { KmsMasterKeyId: 'alias/aws/sqs' });
    const a = (await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes;
    expect(a).toMatchObject({ KmsMasterKeyId: 'alias/aws/sqs', KmsDataKeyReusePeriodSeconds: '300', SqsManagedSseEnabled: 'false' });
  });

  it('checks names and attribute values', async () => {
    const lab = sqsLab();
    await expectSqsError(lab.queue('bad name'), 'InvalidParameterValue', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    await expectSqsError(lab.queue('x'.repeat(81)), 'InvalidParameterValue');
    await expectSqsError(lab.queue('plain', { FifoQueue: 'true' }), 'InvalidParameterValue', /must end with \.fifo suffix/);
    await expectSqsError(lab.queue('q', { VisibilityTimeout: '43201' }), 'InvalidAttributeValue', 'Invalid value for the parameter VisibilityTimeout.');
    await expectSqsError(lab.queue('q', { DelaySeconds: 'abc' }), 'InvalidAttributeValue');
    await expectSqsError(lab.queue('q', { Colour: 'blue' }), 'InvalidAttributeName', 'Unknown Attribute Colour.');
    await expectSqsError(lab.queue('q', { ContentBasedDeduplication: 'true' }), 'InvalidAttributeName');
    await expectSqsError(lab.queue('q', { RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:none","maxReceiveCount":3}' }), 'InvalidParameterValue', /Dead letter target does not exist/);
    await expectSqsError(lab.queue('q', { Policy: '{"nope":1}' }), 'InvalidAttributeValue');
  });

  it('lists by prefix, paginates with MaxResults and NextToken', async () => {
    const lab = sqsLab();
    for (const n of ['a1', 'a2', 'a3', 'b1']) await lab.queue(n);
    const all = await lab.sqs('ListQueues', {});
    expect(all.QueueUrls.map((u: string) => u.split('/').pop())).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(all.NextToken).toBeUndefined();
    const p1 = await lab.sqs('ListQueues', { QueueNamePrefix: 'a', MaxResults: 2 });
    expect(p1.QueueUrls.map((u: string) => u.split('/').pop())).toEqual(['a1', 'a2']);
    const p2 = await lab.sqs('ListQueues', { QueueNamePrefix: 'a', MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.QueueUrls.map((u: string) => u.split('/').pop())).toEqual(['a3']);
    expect(p2.NextToken).toBeUndefined();
    expect((await lab.sqs('ListQueues', { QueueNamePrefix: 'zzz' })).QueueUrls).toBeUndefined();
  });

  it('deletes a queue; its name is held for 60 seconds', async () => {
    const lab = sqsLab();
    const url = await lab.queue('temp');
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x' });
    await lab.sqs('DeleteQueue', { QueueUrl: url });
    await expectSqsError(lab.sqs('GetQueueUrl', { QueueName: 'temp' }), 'QueueDoesNotExist', 'The specified queue does not exist.', 'AWS.SimpleQueueService.NonExistentQueue');
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'x' }), 'QueueDoesNotExist');
    await expectSqsError(lab.queue('temp'), 'QueueDeletedRecently', /60 seconds/, 'AWS.SimpleQueueService.QueueDeletedRecently');
    lab.tick(61);
    const again = await lab.queue('temp');
    expect(await counts(lab, again)).toEqual([0, 0, 0]);
  });

  it('accepts the legacy queue.amazonaws.com URL form and refuses garbage', async () => {
    const lab = sqsLab();
    await lab.queue('legacy');
    const legacy = `https://queue.amazonaws.com/${lab.engine.account.accountId}/legacy`;
    expect((await lab.sqs('SendMessage', { QueueUrl: legacy, MessageBody: 'x' })).MessageId).toBeTruthy();
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: 'not a url', MessageBody: 'x' }), 'InvalidAddress');
    await expectSqsError(lab.sqs('SendMessage', { QueueUrl: 'https://queue.amazonaws.com/123456789012/legacy', MessageBody: 'x' }), 'QueueDoesNotExist');
  });
});

describe('SetQueueAttributes, tags, purge, permissions, dead-letter sources', () => {
  it('changes settings, bumps LastModifiedTimestamp, removes a redrive policy with an empty value', async () => {
    const lab = sqsLab();
    const dlq = await lab.queue('dlq');
    const dlqArn = `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:dlq`;
    const url = await lab.queue('src');
    lab.tick(10);
    await lab.sqs('SetQueueAttributes', { QueueUrl: url, Attributes: { VisibilityTimeout: '5', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '2' }) } });
    const a = (await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy', 'CreatedTimestamp', 'LastModifiedTimestamp'] })).Attributes;
    expect(a.VisibilityTimeout).toBe('5');
    expect(JSON.parse(a.RedrivePolicy)).toEqual({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 });
    expect(Number(a.LastModifiedTimestamp) - Number(a.CreatedTimestamp)).toBe(10);
    const sources = await lab.sqs('ListDeadLetterSourceQueues', { QueueUrl: dlq });
    expect(sources.queueUrls).toEqual([url]);
    await lab.sqs('SetQueueAttributes', { QueueUrl: url, Attributes: { RedrivePolicy: '' } });
    expect((await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['RedrivePolicy'] })).Attributes).toBeUndefined();
    expect((await lab.sqs('ListDeadLetterSourceQueues', { QueueUrl: dlq })).queueUrls).toEqual([]);
    await expectSqsError(lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['Nope'] }), 'InvalidAttributeName');
  });

  it('refuses a dead-letter queue that denies redrive from this source', async () => {
    const lab = sqsLab();
    await lab.queue('closed', { RedriveAllowPolicy: '{"redrivePermission":"denyAll"}' });
    await expectSqsError(
      lab.queue('src', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:closed`, maxReceiveCount: 1 }) }),
      'InvalidParameterValue',
      /does not allow this source queue/,
    );
  });

  it('tags, untags and lists tags', async () => {
    const lab = sqsLab();
    const url = String((await lab.sqs('CreateQueue', { QueueName: 'tagged', tags: { team: 'a' } })).QueueUrl);
    await lab.sqs('TagQueue', { QueueUrl: url, Tags: { env: 'lab', team: 'b' } });
    expect((await lab.sqs('ListQueueTags', { QueueUrl: url })).Tags).toEqual({ team: 'b', env: 'lab' });
    await lab.sqs('UntagQueue', { QueueUrl: url, TagKeys: ['team'] });
    expect((await lab.sqs('ListQueueTags', { QueueUrl: url })).Tags).toEqual({ env: 'lab' });
  });

  it('purges every message, once per 60 seconds', async () => {
    const lab = sqsLab();
    const url = await lab.queue('p');
    for (let i = 0; i < 3; i++) await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: `m${i}` });
    await lab.sqs('ReceiveMessage', { QueueUrl: url });
    expect(await counts(lab, url)).toEqual([2, 1, 0]);
    await lab.sqs('PurgeQueue', { QueueUrl: url });
    expect(await counts(lab, url)).toEqual([0, 0, 0]);
    await expectSqsError(lab.sqs('PurgeQueue', { QueueUrl: url }), 'PurgeQueueInProgress', 'Only one PurgeQueue operation on p is allowed every 60 seconds.', 'AWS.SimpleQueueService.PurgeQueueInProgress');
    lab.tick(60);
    await lab.sqs('PurgeQueue', { QueueUrl: url });
  });

  it('adds and removes labelled permissions in the queue policy', async () => {
    const lab = sqsLab();
    const url = await lab.queue('shared');
    await lab.sqs('AddPermission', { QueueUrl: url, Label: 'send', AWSAccountIds: ['111122223333'], Actions: ['SendMessage'] });
    await expectSqsError(lab.sqs('AddPermission', { QueueUrl: url, Label: 'send', AWSAccountIds: ['111122223333'], Actions: ['SendMessage'] }), 'InvalidParameterValue', /Already exists/);
    const policy = JSON.parse((await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['Policy'] })).Attributes.Policy);
    expect(policy.Statement).toEqual([
      { Sid: 'send', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'SQS:SendMessage', Resource: `arn:aws:sqs:us-east-1:${lab.engine.account.accountId}:shared` },
    ]);
    await lab.sqs('RemovePermission', { QueueUrl: url, Label: 'send' });
    expect((await lab.sqs('GetQueueAttributes', { QueueUrl: url, AttributeNames: ['Policy'] })).Attributes).toBeUndefined();
    await expectSqsError(lab.sqs('RemovePermission', { QueueUrl: url, Label: 'send' }), 'InvalidParameterValue');
  });
});
