import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { validateInput } from '../../../src-main/engine/protocol/validate';
import { AWS2, bodyString, fromV2, model, parseWithV2, testGateway, v2Config } from './helpers';

const dynamodb = new AWS2.DynamoDB(v2Config);
const sqs = new AWS2.SQS(v2Config);

describe('json protocol (DynamoDB)', () => {
  it('parses X-Amz-Target and attribute values (binary as Buffer, maps with null prototypes)', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    await gateway.handle(
      fromV2(dynamodb, 'putItem', {
        TableName: 't',
        Item: { id: { S: 'a' }, n: { N: '1.5' }, b: { B: Buffer.from([1, 2, 3]) }, m: { M: { inner: { L: [{ BOOL: true }, { NULL: true }] } } } },
      }),
    );
    const input = calls[0]!.input as { TableName: string; Item: Record<string, Record<string, unknown>> };
    expect(calls[0]!.operation).toBe('PutItem');
    expect(input.TableName).toBe('t');
    expect(Object.getPrototypeOf(input.Item)).toBe(null);
    expect(input.Item.b!.B).toEqual(Buffer.from([1, 2, 3]));
    expect(JSON.parse(JSON.stringify(input.Item))).toEqual({
      id: { S: 'a' },
      n: { N: '1.5' },
      b: { B: { type: 'Buffer', data: [1, 2, 3] } },
      m: { M: { inner: { L: [{ BOOL: true }, { NULL: true }] } } },
    });
  });

  it('serializes outputs (epoch-second timestamps, base64 blobs) that SDK v2 reads back', async () => {
    const created = new Date('2024-01-01T00:00:00.500Z');
    const { gateway, calls } = testGateway((r) =>
      r.operation === 'DescribeTable'
        ? { Table: { TableName: 't', TableStatus: 'ACTIVE', CreationDateTime: created, ItemCount: 3 } }
        : { Item: { b: { B: Buffer.from('hi') } } },
    );
    const res = await gateway.handle(fromV2(dynamodb, 'describeTable', { TableName: 't' }));
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(res.headers['x-amzn-requestid']).toBe(calls[0]!.requestId);
    expect(JSON.parse(bodyString(res))).toEqual({ Table: { TableName: 't', TableStatus: 'ACTIVE', CreationDateTime: 1704067200.5, ItemCount: 3 } });
    const out = await parseWithV2<{ Table: { CreationDateTime: Date } }>(dynamodb, 'describeTable', { TableName: 't' }, res);
    expect(out.Table.CreationDateTime).toEqual(created);
    const got = await gateway.handle(fromV2(dynamodb, 'getItem', { TableName: 't', Key: { id: { S: 'a' } } }));
    expect(bodyString(got)).toBe('{"Item":{"b":{"B":"aGk="}}}');
  });

  it('answers errors as {"__type","message"}', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('ResourceNotFoundException', 'Requested resource not found', 400);
    });
    const res = await gateway.handle(fromV2(dynamodb, 'describeTable', { TableName: 'x' }));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-query-error']).toBeUndefined();
    expect(JSON.parse(bodyString(res))).toEqual({ __type: 'ResourceNotFoundException', message: 'Requested resource not found' });
    const err = await parseWithV2(dynamodb, 'describeTable', { TableName: 'x' }, res).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'ResourceNotFoundException', message: 'Requested resource not found' });
  });

  it('answers UnknownOperationException and SerializationException', async () => {
    const { gateway, calls } = testGateway();
    const req = fromV2(dynamodb, 'listTables', {});
    req.headers['x-amz-target'] = 'DynamoDB_20120810.Teleport';
    const unknown = await gateway.handle(req);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(bodyString(unknown))).toEqual({ __type: 'UnknownOperationException', message: 'Operation is not supported.' });
    const bad = fromV2(dynamodb, 'listTables', {});
    bad.body = Buffer.from('{"Limit": ');
    const malformed = await gateway.handle(bad);
    expect(JSON.parse(bodyString(malformed))).toEqual({ __type: 'SerializationException', message: 'Start of structure or map found where not expected.' });
    const wrongType = fromV2(dynamodb, 'listTables', {});
    wrongType.body = Buffer.from('{"Limit": "ten"}');
    const typed = await gateway.handle(wrongType);
    expect(JSON.parse(bodyString(typed))).toEqual({ __type: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' });
    expect(calls).toHaveLength(0);
  });

  it('validates in dynalite form: lowerCamel paths, list members, capped at 10', () => {
    const m = model('dynamodb');
    const one = validateInput(m, 'DescribeTable', {});
    expect([one?.code, one?.message, one?.status]).toEqual([
      'ValidationException',
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
      400,
    ]);
    const two = validateInput(m, 'CreateTable', { TableName: 'ab', AttributeDefinitions: [{ AttributeName: 'id' }], KeySchema: [{ AttributeName: 'id' }] });
    expect(two?.message).toBe(
      "2 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null",
    );
    const many = validateInput(m, 'BatchGetItem', { RequestItems: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${i}`, {}])) });
    expect(many?.message.startsWith('10 validation errors detected: ')).toBe(true);
    expect(many?.message.split('; ')).toHaveLength(10);
  });
});

describe('json protocol (SQS, awsQueryCompatible)', () => {
  it('adds x-amzn-query-error to JSON errors', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('QueueDoesNotExist', 'The specified queue does not exist.', 400, { headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' } });
    });
    const res = await gateway.handle(fromV2(sqs, 'getQueueUrl', { QueueName: 'q' }));
    expect(res.headers['x-amzn-query-error']).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(bodyString(res))).toEqual({ __type: 'QueueDoesNotExist', message: 'The specified queue does not exist.' });
  });

  it('defaults x-amzn-query-error to the error code', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('InvalidAttributeName', 'Unknown Attribute Foo.', 400);
    });
    const res = await gateway.handle(fromV2(sqs, 'getQueueAttributes', { QueueUrl: 'http://q', AttributeNames: ['Foo'] }));
    expect(res.headers['x-amzn-query-error']).toBe('InvalidAttributeName;Sender');
  });

  it('accepts the old query form and answers in query XML', async () => {
    const { gateway, calls } = testGateway((r) =>
      r.operation === 'SendMessage'
        ? { MessageId: 'm-1', MD5OfMessageBody: 'abc' }
        : { Messages: [{ MessageId: 'm-1', ReceiptHandle: 'rh', Body: 'hi', Attributes: { SentTimestamp: '1' } }] },
    );
    const form = (s: string) => ({
      method: 'POST',
      path: '/',
      rawQuery: '',
      headers: { host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00' },
      body: Buffer.from(s),
    });
    const sent = await gateway.handle(
      form(
        'Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq&MessageBody=hi&DelaySeconds=5' +
          '&MessageAttribute.1.Name=colour&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=blue',
      ),
    );
    expect(calls[0]!.service).toBe('sqs');
    expect(JSON.parse(JSON.stringify(calls[0]!.input))).toEqual({
      QueueUrl: 'http://q',
      MessageBody: 'hi',
      DelaySeconds: 5,
      MessageAttributes: { colour: { DataType: 'String', StringValue: 'blue' } },
    });
    expect(bodyString(sent)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><SendMessageResult><MD5OfMessageBody>abc</MD5OfMessageBody><MessageId>m-1</MessageId></SendMessageResult><ResponseMetadata><RequestId>${calls[0]!.requestId}</RequestId></ResponseMetadata></SendMessageResponse>`,
    );
    const got = await gateway.handle(form('Action=ReceiveMessage&QueueUrl=http%3A%2F%2Fq&AttributeName.1=All&MaxNumberOfMessages=2'));
    expect(calls[1]!.input).toEqual({ QueueUrl: 'http://q', AttributeNames: ['All'], MaxNumberOfMessages: 2 });
    expect(bodyString(got)).toContain(
      '<ReceiveMessageResult><Message><MessageId>m-1</MessageId><ReceiptHandle>rh</ReceiptHandle><Body>hi</Body><Attribute><Name>SentTimestamp</Name><Value>1</Value></Attribute></Message></ReceiveMessageResult>',
    );
  });

  it('reads old-form batch entries and attribute/tag maps', async () => {
    const { gateway, calls } = testGateway((r) => (r.operation === 'SendMessageBatch' ? { Successful: [{ Id: 'a', MessageId: 'm', MD5OfMessageBody: 'x' }], Failed: [] } : {}));
    const signedForm = (body: string) => ({
      method: 'POST',
      path: '/',
      rawQuery: '',
      headers: { host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00' },
      body: Buffer.from(body),
    });
    await gateway.handle(signedForm('Action=CreateQueue&QueueName=q&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=40&Tag.1.Key=team&Tag.1.Value=x'));
    const batch = await gateway.handle(
      signedForm('Action=SendMessageBatch&QueueUrl=u&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two'),
    );
    expect(JSON.parse(JSON.stringify(calls[0]!.input))).toEqual({ QueueName: 'q', Attributes: { VisibilityTimeout: '40' }, tags: { team: 'x' } });
    expect(calls[1]!.input).toEqual({ QueueUrl: 'u', Entries: [{ Id: 'a', MessageBody: 'one' }, { Id: 'b', MessageBody: 'two' }] });
    expect(bodyString(batch)).toContain('<SendMessageBatchResult><SendMessageBatchResultEntry><Id>a</Id><MessageId>m</MessageId><MD5OfMessageBody>x</MD5OfMessageBody></SendMessageBatchResultEntry></SendMessageBatchResult>');
  });

  it('answers the query form of an error with the query error code', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('QueueDoesNotExist', 'The specified queue does not exist.', 400, { headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' } });
    });
    const res = await gateway.handle({
      method: 'GET',
      path: '/',
      rawQuery: 'Action=GetQueueUrl&QueueName=q&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1%2Fsqs%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=00',
      headers: { host: 'localhost:4566' },
      body: Buffer.alloc(0),
    });
    expect(res.status).toBe(400);
    expect(bodyString(res)).toContain('<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message></Error>');
  });
});

describe('json protocol (CloudWatch Logs)', () => {
  it('routes Logs_20140328 targets', async () => {
    const { gateway, calls } = testGateway(() => ({ nextSequenceToken: '1' }));
    await gateway.handle(fromV2(new AWS2.CloudWatchLogs(v2Config), 'putLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 1700000000000, message: 'm' }] }));
    expect([calls[0]!.service, calls[0]!.operation]).toEqual(['logs', 'PutLogEvents']);
    expect(calls[0]!.input).toEqual({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 1700000000000, message: 'm' }] });
  });
});
