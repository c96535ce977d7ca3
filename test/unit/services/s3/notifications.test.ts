import { describe, expect, it } from 'vitest';
import { expectAwsError, s3Lab } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('event notifications', () => {
  it('sends ObjectCreated and ObjectRemoved records to SQS directly and through SNS', async () => {
    const { s3, engine } = s3Lab();
    const call = (svc: string, op: string, input: Record<string, unknown>): Promise<any> => engine.call(engine.account.root, svc, op, input, { region: 'us-east-1', source: 'api' });
    const queue = async (name: string) => {
      const { QueueUrl } = await call('sqs', 'CreateQueue', { QueueName: name });
      const arn = (await call('sqs', 'GetQueueAttributes', { QueueUrl, AttributeNames: ['QueueArn'] })).Attributes.QueueArn as string;
      return { url: QueueUrl as string, arn };
    };
    const receive = async (url: string) => ((await call('sqs', 'ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 })).Messages ?? []).map((m: any) => JSON.parse(m.Body));
    const direct = await queue('s3-events');
    const viaTopic = await queue('s3-topic-events');
    const { TopicArn } = await call('sns', 'CreateTopic', { Name: 'uploads' });
    await call('sns', 'Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: viaTopic.arn, Attributes: { RawMessageDelivery: 'true' } });

    await s3('CreateBucket', { Bucket: 'events' });
    await expectAwsError(
      s3('PutBucketNotificationConfiguration', { Bucket: 'events', NotificationConfiguration: { QueueConfigurations: [{ QueueArn: direct.arn, Events: ['s3:ObjectMangled:*'] }] } }),
      'InvalidArgument',
      'The event is not supported for notifications',
      400,
    );
    const config = {
      QueueConfigurations: [{ Id: 'q', QueueArn: direct.arn, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } } }],
      TopicConfigurations: [{ Id: 't', TopicArn, Events: ['s3:ObjectCreated:Put'] }],
    };
    await s3('PutBucketNotificationConfiguration', { Bucket: 'events', NotificationConfiguration: config });
    expect(await s3('GetBucketNotificationConfiguration', { Bucket: 'events' })).toEqual(config);
    await tick();
    expect((await receive(direct.url)).map((b: any) => b.Event)).toEqual(['s3:TestEvent']);
    await receive(viaTopic.url);

    await s3('PutObject', { Bucket: 'events', Key: 'images/cat one.png', Body: Buffer.from('png') });
    await s3('PutObject', { Bucket: 'events', Key: 'notes.txt', Body: Buffer.from('txt') });
    await s3('DeleteObject', { Bucket: 'events', Key: 'images/cat one.png' });
    await tick();
    const got = await receive(direct.url);
    expect(got.map((b: any) => [b.Records[0].eventName, b.Records[0].s3.object.key])).toEqual([
      ['ObjectCreated:Put', 'images/cat%20one.png'],
      ['ObjectRemoved:Delete', 'images/cat%20one.png'],
    ]);
    expect(got[0].Records[0].s3).toMatchObject({ configurationId: 'q', bucket: { name: 'events', arn: 'arn:aws:s3:::events' }, object: { size: 3 } });
    const topicBodies = await receive(viaTopic.url);
    expect(topicBodies.map((b: any) => b.Records[0].s3.object.key).sort()).toEqual(['images/cat%20one.png', 'notes.txt']);
  });
});
