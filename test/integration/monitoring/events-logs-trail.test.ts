import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { ListTopicsCommand, GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, CreateTopicCommand, SubscribeCommand, UnsubscribeCommand, DeleteTopicCommand } from '@aws-sdk/client-sns';
import { PutRuleCommand, PutTargetsCommand, ListRulesCommand, ListTargetsByRuleCommand, PutEventsCommand, DescribeRuleCommand, RemoveTargetsCommand, DeleteRuleCommand } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, GetLogEventsCommand, FilterLogEventsCommand, DescribeLogGroupsCommand, DescribeLogStreamsCommand, PutRetentionPolicyCommand, DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LookupEventsCommand, CreateTrailCommand, DescribeTrailsCommand, StartLoggingCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { S3Client, CreateBucketCommand, ListObjectsV2Command, GetObjectCommand } from '@aws-sdk/client-s3';
import { useLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';
import { cloudtrail, eventbridge, logs, sns, sqs } from './clients';

// A simulated minute per real second: EventBridge reads the call history every 5 simulated seconds,
// trails deliver every 5 simulated minutes.
const lab = useLab({ extraArgs: ['--warp', '60'] });

const cli = (args: string[]) => {
  const r = awsCli(lab(), args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
};

async function receive(url: string | undefined): Promise<string[]> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const got = await sqs(lab()).send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }));
    if (got.Messages?.length) return got.Messages.map((m) => m.Body!);
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

describe('SNS, EventBridge, CloudWatch Logs and CloudTrail through SDK v3 and the AWS CLI v2', () => {
  it('SNS: topics and subscriptions through the CLI, attributes through SDK v3', async () => {
    const { TopicArn } = await sns(lab()).send(new CreateTopicCommand({ Name: 'alerts' }));
    expect(cli(['sns', 'subscribe', '--topic-arn', TopicArn!, '--protocol', 'email', '--notification-endpoint', 'me@example.com'])).toEqual({ SubscriptionArn: 'pending confirmation' });
    const attrs = await sns(lab()).send(new GetTopicAttributesCommand({ TopicArn }));
    expect(attrs.Attributes).toMatchObject({ TopicArn, SubscriptionsPending: '1', SubscriptionsConfirmed: '0' });
    const subs = await sns(lab()).send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(subs.Subscriptions).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'me@example.com', SubscriptionArn: 'PendingConfirmation' })]);
    expect((await sns(lab()).send(new ListTopicsCommand({}))).Topics).toEqual(expect.arrayContaining([{ TopicArn }]));
    const { SubscriptionArn } = await sns(lab()).send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'other@example.com', ReturnSubscriptionArn: true }));
    await sns(lab()).send(new UnsubscribeCommand({ SubscriptionArn }));
    await sns(lab()).send(new DeleteTopicCommand({ TopicArn }));
    await expect(sns(lab()).send(new GetTopicAttributesCommand({ TopicArn }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('EventBridge: a CloudTrail-pattern rule fires on RunInstances made by the CLI; PutEvents reaches an SNS → SQS chain', async () => {
    const { QueueUrl } = await sqs(lab()).send(new CreateQueueCommand({ QueueName: 'events-inbox' }));
    const qa = await sqs(lab()).send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const queueArn = qa.Attributes!.QueueArn!;
    const eb = eventbridge(lab());
    await eb.send(new PutRuleCommand({ Name: 'run-instances', EventPattern: JSON.stringify({ source: ['aws.ec2'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['RunInstances'] } }) }));
    await eb.send(new PutTargetsCommand({ Rule: 'run-instances', Targets: [{ Id: 'q', Arn: queueArn }] }));
    expect((await eb.send(new ListTargetsByRuleCommand({ Rule: 'run-instances' }))).Targets).toEqual([{ Id: 'q', Arn: queueArn }]);
    const run = cli(['ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--count', '1']) as { Instances: { InstanceId: string }[] };
    expect(run.Instances).toHaveLength(1);
    const bodies = await receive(QueueUrl);
    const event = JSON.parse(bodies[0]!) as { source: string; detail: { eventName: string; eventSource: string; userIdentity: { type: string } } };
    expect(event).toMatchObject({ source: 'aws.ec2', 'detail-type': 'AWS API Call via CloudTrail', detail: { eventName: 'RunInstances', eventSource: 'ec2.amazonaws.com', userIdentity: { type: 'Root' } } });

    const { TopicArn } = await sns(lab()).send(new CreateTopicCommand({ Name: 'orders' }));
    await sns(lab()).send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
    await eb.send(new PutRuleCommand({ Name: 'orders', EventPattern: JSON.stringify({ source: ['shop'] }) }));
    await eb.send(new PutTargetsCommand({ Rule: 'orders', Targets: [{ Id: 'topic', Arn: TopicArn, InputPath: '$.detail' }] }));
    const put = await eb.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'order', Detail: JSON.stringify({ id: 7 }) }] }));
    expect(put.FailedEntryCount).toBe(0);
    expect(await receive(QueueUrl)).toEqual(['{"id":7}']);

    const described = await eb.send(new DescribeRuleCommand({ Name: 'orders' }));
    expect(described).toMatchObject({ Name: 'orders', State: 'ENABLED', EventBusName: 'default' });
    expect((await eb.send(new ListRulesCommand({}))).Rules?.map((r) => r.Name)).toEqual(['orders', 'run-instances']);
    await expect(eb.send(new DeleteRuleCommand({ Name: 'orders' }))).rejects.toMatchObject({ name: 'ValidationException' });
    await eb.send(new RemoveTargetsCommand({ Rule: 'orders', Ids: ['topic'] }));
    await eb.send(new DeleteRuleCommand({ Name: 'orders' }));
    expect((await eb.send(new ListRulesCommand({}))).Rules?.map((r) => r.Name)).toEqual(['run-instances']);
  });

  it('CloudWatch Logs: groups, streams, events and filters through SDK v3 and the CLI', async () => {
    const l = logs(lab());
    await l.send(new CreateLogGroupCommand({ logGroupName: '/lab/app' }));
    await expect(l.send(new CreateLogGroupCommand({ logGroupName: '/lab/app' }))).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
    await l.send(new CreateLogStreamCommand({ logGroupName: '/lab/app', logStreamName: 'web-1' }));
    const now = Date.now();
    await l.send(new PutLogEventsCommand({ logGroupName: '/lab/app', logStreamName: 'web-1', logEvents: [{ timestamp: now - 2000, message: 'GET / 200' }, { timestamp: now - 1000, message: 'GET /missing 404' }] }));
    await l.send(new PutLogEventsCommand({ logGroupName: '/lab/app', logStreamName: 'web-1', logEvents: [{ timestamp: now, message: 'POST /api 500' }] }));
    const got = await l.send(new GetLogEventsCommand({ logGroupName: '/lab/app', logStreamName: 'web-1', startFromHead: true }));
    expect(got.events?.map((e) => e.message)).toEqual(['GET / 200', 'GET /missing 404', 'POST /api 500']);
    const filtered = cli(['logs', 'filter-log-events', '--log-group-name', '/lab/app', '--filter-pattern', '[method, path, status=4*]']) as { events: { message: string }[] };
    expect(filtered.events.map((e) => e.message)).toEqual(['GET /missing 404']);
    expect((await l.send(new FilterLogEventsCommand({ logGroupName: '/lab/app', filterPattern: '?500 ?404' }))).events?.map((e) => e.message)).toEqual(['GET /missing 404', 'POST /api 500']);
    await l.send(new PutRetentionPolicyCommand({ logGroupName: '/lab/app', retentionInDays: 7 }));
    expect((await l.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/lab' }))).logGroups).toEqual([expect.objectContaining({ logGroupName: '/lab/app', retentionInDays: 7 })]);
    expect((await l.send(new DescribeLogStreamsCommand({ logGroupName: '/lab/app' }))).logStreams).toEqual([expect.objectContaining({ logStreamName: 'web-1', lastEventTimestamp: now })]);
    await l.send(new DeleteLogGroupCommand({ logGroupName: '/lab/app' }));
    await expect(l.send(new GetLogEventsCommand({ logGroupName: '/lab/app', logStreamName: 'web-1' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('CloudTrail: LookupEvents over the call history, a trail that delivers gzipped logs to S3', async () => {
    const ct = cloudtrail(lab());
    const found = await ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateLogGroup' }] }));
    expect(found.Events?.length).toBeGreaterThanOrEqual(1);
    const record = JSON.parse(found.Events![0]!.CloudTrailEvent!) as Record<string, unknown>;
    expect(record).toMatchObject({ eventName: 'CreateLogGroup', eventSource: 'logs.amazonaws.com', awsRegion: 'us-east-1', readOnly: false, requestParameters: { logGroupName: '/lab/app' } });
    const viaCli = cli(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=RunInstances', '--max-results', '5']) as { Events: { EventName: string; Username: string }[] };
    expect(viaCli.Events[0]).toMatchObject({ EventName: 'RunInstances', Username: 'root' });

    const s3 = new S3Client({ endpoint: lab().endpoint, region: 'us-east-1', credentials: lab().credentials, forcePathStyle: true, maxAttempts: 1 });
    await s3.send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
    await ct.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs' }));
    await ct.send(new StartLoggingCommand({ Name: 'main' }));
    expect((await ct.send(new DescribeTrailsCommand({}))).trailList).toEqual([expect.objectContaining({ Name: 'main', S3BucketName: 'trail-logs' })]);
    await ct.send(new LookupEventsCommand({ MaxResults: 1 }));
    let key: string | undefined;
    for (let i = 0; i < 100 && !key; i++) {
      await new Promise((r) => setTimeout(r, 200));
      key = (await s3.send(new ListObjectsV2Command({ Bucket: 'trail-logs' }))).Contents?.[0]?.Key;
    }
    expect(key).toMatch(/^AWSLogs\/\d{12}\/CloudTrail\/us-east-1\/\d{4}\/\d{2}\/\d{2}\/\d{12}_CloudTrail_us-east-1_\d{8}T\d{4}Z_[0-9A-F]{16}\.json\.gz$/);
    const obj = await s3.send(new GetObjectCommand({ Bucket: 'trail-logs', Key: key }));
    const doc = JSON.parse(gunzipSync(Buffer.from(await obj.Body!.transformToByteArray())).toString()) as { Records: { eventName: string }[] };
    expect(doc.Records.map((r) => r.eventName)).toContain('StartLogging');
    expect((await ct.send(new GetTrailStatusCommand({ Name: 'main' }))).IsLogging).toBe(true);
  });
});
