/**
 * The SQS and DynamoDB pages' logic: the forms' inputs and checks, DynamoDB JSON ↔ plain JSON, the
 * explorer's Query input, and the same inputs answered by a real in-process lab through the contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  countersOf,
  createQueueInput,
  defaultQueueForm,
  defaultSendForm,
  duration,
  queueFormErrors,
  queueNameOf,
  sendMessageInput,
} from '../../../src-renderer/views/sqs/queues';
import {
  cellText,
  columnsOf,
  createTableInput,
  defaultQueryForm,
  defaultTableForm,
  fromPlain,
  itemText,
  parseItem,
  readInput,
  tableFormErrors,
  toPlain,
} from '../../../src-renderer/views/dynamodb/tables';
import { startInProcessLab, type InProcessLab } from './in-process-lab';

describe('SQS console helpers', () => {
  it('turns the Create queue form into CreateQueue, adding .fifo and the redrive policy', () => {
    const f = { ...defaultQueueForm(), name: 'orders', fifo: true, contentBasedDeduplication: true, deadLetterTargetArn: 'arn:aws:sqs:us-east-1:111122223333:dead.fifo', maxReceiveCount: 3 };
    expect(queueFormErrors(f)).toEqual([]);
    expect(createQueueInput(f)).toEqual({
      QueueName: 'orders.fifo',
      Attributes: {
        VisibilityTimeout: '30',
        MessageRetentionPeriod: '345600',
        DelaySeconds: '0',
        MaximumMessageSize: '262144',
        ReceiveMessageWaitTimeSeconds: '0',
        FifoQueue: 'true',
        ContentBasedDeduplication: 'true',
        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:111122223333:dead.fifo","maxReceiveCount":3}',
      },
    });
  });

  it('says what is wrong before asking SQS', () => {
    expect(queueFormErrors({ ...defaultQueueForm(), name: 'bad name' })).toEqual([
      'A queue name can have up to 80 characters: letters, numbers, hyphens and underscores.',
    ]);
    expect(queueFormErrors({ ...defaultQueueForm(), name: 'plain.fifo' })).toContain('Only a FIFO queue name ends with .fifo.');
    expect(queueFormErrors({ ...defaultQueueForm(), name: 'q', visibilityTimeout: 50_000 })).toEqual(['Visibility timeout must be from 0 to 43200.']);
  });

  it('reads names, counters and durations the way the pages show them', () => {
    expect(queueNameOf('http://sqs.us-east-1.localhost:4566/111122223333/url2png')).toBe('url2png');
    expect(countersOf({ ApproximateNumberOfMessages: '3', ApproximateNumberOfMessagesNotVisible: '1' })).toEqual({ available: 3, inFlight: 1, delayed: 0 });
    expect(duration(345_600)).toBe('4 days');
    expect(duration(5400)).toBe('1 hour 30 minutes');
    expect(duration(0)).toBe('0 seconds');
  });

  it('sends FIFO messages with a group and standard ones with a delay and attributes', () => {
    expect(sendMessageInput('u', true, { ...defaultSendForm(), body: 'b', groupId: 'g', dedupId: 'd', delaySeconds: 5 })).toEqual({
      QueueUrl: 'u',
      MessageBody: 'b',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd',
    });
    expect(sendMessageInput('u', false, { ...defaultSendForm(), body: 'b', delaySeconds: 5, attributes: 'kind=png\n\nsize = 2' })).toEqual({
      QueueUrl: 'u',
      MessageBody: 'b',
      DelaySeconds: 5,
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'png' }, size: { DataType: 'String', StringValue: '2' } },
    });
  });
});

describe('DynamoDB console helpers', () => {
  it('builds CreateTable with attribute definitions for every key, GSIs sharing provisioned units', () => {
    const f = {
      ...defaultTableForm(),
      name: 'todo-task',
      pk: { name: 'uid', type: 'S' as const },
      sk: { name: 'tid', type: 'N' as const },
      gsis: [{ name: 'category-index', pk: { name: 'category', type: 'S' as const }, sk: { name: 'tid', type: 'N' as const }, projection: 'ALL' as const }],
    };
    expect(tableFormErrors(f)).toEqual([]);
    expect(createTableInput(f)).toEqual({
      TableName: 'todo-task',
      AttributeDefinitions: [
        { AttributeName: 'uid', AttributeType: 'S' },
        { AttributeName: 'tid', AttributeType: 'N' },
        { AttributeName: 'category', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'uid', KeyType: 'HASH' },
        { AttributeName: 'tid', KeyType: 'RANGE' },
      ],
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'category-index',
          KeySchema: [
            { AttributeName: 'category', KeyType: 'HASH' },
            { AttributeName: 'tid', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        },
      ],
    });
    expect(tableFormErrors({ ...f, sk: { name: 'category', type: 'N' } })).toContain('Attribute category has two types.');
    expect(createTableInput({ ...defaultTableForm(), name: 'od', pk: { name: 'id', type: 'S' }, billing: 'PAY_PER_REQUEST' })).not.toHaveProperty('ProvisionedThroughput');
  });

  it('converts items between DynamoDB JSON and plain JSON, and refuses what is neither', () => {
    const item = { uid: { S: 'michael' }, n: { N: '1.5' }, tags: { SS: ['a', 'b'] }, m: { M: { ok: { BOOL: true }, none: { NULL: true } } }, l: { L: [{ N: '1' }, { S: 'x' }] } };
    expect(toPlain(item)).toEqual({ uid: 'michael', n: 1.5, tags: ['a', 'b'], m: { ok: true, none: null }, l: [1, 'x'] });
    expect(fromPlain({ uid: 'michael', n: 2, m: { ok: true } })).toEqual({ uid: { S: 'michael' }, n: { N: '2' }, m: { M: { ok: { BOOL: true } } } });
    expect(parseItem(itemText(item, 'dynamodb'), 'dynamodb')).toEqual(item);
    expect(parseItem('{"uid": "x"}', 'plain')).toEqual({ uid: { S: 'x' } });
    expect(() => parseItem('{"uid": "x"}', 'dynamodb')).toThrow('Attribute uid is not DynamoDB JSON (like {"S": "text"}).');
    expect(() => parseItem('[1]', 'plain')).toThrow('An item is a JSON object of attributes.');
    expect(() => parseItem('{', 'plain')).toThrow(/not valid JSON/);
    expect(cellText({ N: '3' })).toBe('3');
    expect(cellText({ M: { a: { S: 'b' } } })).toBe('{"a":"b"}');
    expect(columnsOf([{ b: { S: '' }, uid: { S: '' } }, { a: { S: '' }, uid: { S: '' } }], [{ AttributeName: 'uid', KeyType: 'HASH' }])).toEqual(['uid', 'a', 'b']);
  });

  it('queries with the key condition the explorer form describes', () => {
    const schema = [
      { AttributeName: 'uid', KeyType: 'HASH' },
      { AttributeName: 'tid', KeyType: 'RANGE' },
    ];
    const input = readInput('todo-task', { ...defaultQueryForm(), mode: 'query', pkValue: 'michael', skOp: 'between', skValue: '1', skValue2: '9', limit: 10 }, schema, { uid: 'S', tid: 'N' });
    expect(input).toEqual({
      TableName: 'todo-task',
      Limit: 10,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :sk AND :sk2',
      ExpressionAttributeNames: { '#pk': 'uid', '#sk': 'tid' },
      ExpressionAttributeValues: { ':pk': { S: 'michael' }, ':sk': { N: '1' }, ':sk2': { N: '9' } },
    });
    expect(readInput('t', defaultQueryForm(), schema, {}, { uid: { S: 'a' } })).toEqual({ TableName: 't', Limit: 50, ExclusiveStartKey: { uid: { S: 'a' } } });
  });
});

describe('the pages’ inputs against a lab (through the contract)', () => {
  let lab: InProcessLab | undefined;
  afterEach(() => lab?.close());

  it('creates a queue with a DLQ and a table, writes an item in plain JSON and queries it back', async () => {
    lab = startInProcessLab();
    const call = (service: string, operation: string, input: object) =>
      lab!.client.request('aws.call', { service, operation, input: input as never, region: 'us-east-1' }) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const dlq = await call('sqs', 'CreateQueue', createQueueInput({ ...defaultQueueForm(), name: 'url2png-dlq' }));
    const dlqArn = (await call('sqs', 'GetQueueAttributes', { QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] })).Attributes.QueueArn as string;
    const q = await call('sqs', 'CreateQueue', createQueueInput({ ...defaultQueueForm(), name: 'url2png', deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }));
    await call('sqs', 'SendMessage', sendMessageInput(q.QueueUrl, false, { ...defaultSendForm(), body: '{"id":"1"}', attributes: 'kind=png' }));
    const attrs = (await call('sqs', 'GetQueueAttributes', { QueueUrl: q.QueueUrl, AttributeNames: ['All'] })).Attributes;
    expect(countersOf(attrs).available).toBe(1);
    expect(JSON.parse(attrs.RedrivePolicy)).toEqual({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 });

    await call('dynamodb', 'CreateTable', createTableInput({ ...defaultTableForm(), name: 'todo-user', pk: { name: 'uid', type: 'S' }, billing: 'PAY_PER_REQUEST' }));
    lab.engine.clock.advance(10_000);
    await call('dynamodb', 'PutItem', { TableName: 'todo-user', Item: parseItem('{"uid": "michael", "email": "m@example.com", "n": 3}', 'plain') });
    const got = await call('dynamodb', 'Query', readInput('todo-user', { ...defaultQueryForm(), mode: 'query', pkValue: 'michael' }, [{ AttributeName: 'uid', KeyType: 'HASH' }], { uid: 'S' }));
    expect(got.Items.map(toPlain)).toEqual([{ uid: 'michael', email: 'm@example.com', n: 3 }]);
  });
});
