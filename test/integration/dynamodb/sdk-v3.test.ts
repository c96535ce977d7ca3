import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  ListTablesCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
  DeleteTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  NumberValue,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  BatchWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { useLab, type RunningLab } from '../../helpers/lab';

const useTheLab = useLab({ extraArgs: ['--warp', '50'] });
let lab: RunningLab;
let db: DynamoDBClient;
let doc: DynamoDBDocumentClient;
beforeAll(async () => {
  lab = useTheLab();
  db = new DynamoDBClient({
    endpoint: lab.endpoint,
    region: 'us-east-1',
    credentials: lab.credentials,
    maxAttempts: 1,
  });
  doc = DynamoDBDocumentClient.from(db);
  await db.send(
    new CreateTableCommand({
      TableName: 'imagery-image',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await new Promise((ok) => setTimeout(ok, 300));
  await waitUntilTableExists({ client: db, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: 'imagery-image' });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('succeeded');
    },
    (e: unknown) => e as DynamoDBServiceException,
  );

describe('DynamoDB through SDK v3 (client + lib-dynamodb)', () => {
  it('keeps Imagery-style state with conditional updates', async () => {
    await doc.send(
      new PutCommand({
        TableName: 'imagery-image',
        Item: { id: 'img1', version: 0, state: 'created', created: 1 },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
    const update = (oldVersion: number) =>
      db.send(
        new UpdateItemCommand({
          TableName: 'imagery-image',
          Key: { id: { S: 'img1' } },
          UpdateExpression: 'SET #s=:newState, version=:newVersion, rawS3Key=:rawS3Key',
          ConditionExpression: 'attribute_exists(id) AND version=:oldVersion AND #s IN (:stateCreated, :stateUploaded)',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: {
            ':newState': { S: 'uploaded' },
            ':oldVersion': { N: String(oldVersion) },
            ':newVersion': { N: String(oldVersion + 1) },
            ':rawS3Key': { S: 'upload/img1' },
            ':stateCreated': { S: 'created' },
            ':stateUploaded': { S: 'uploaded' },
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    expect((await update(0)).Attributes).toMatchObject({
      state: { S: 'uploaded' },
      version: { N: '1' },
      rawS3Key: { S: 'upload/img1' },
    });
    const stale = await failure(update(0));
    expect(stale).toBeInstanceOf(ConditionalCheckFailedException);
    expect(stale.message).toBe('The conditional request failed');
    expect(stale.$metadata.httpStatusCode).toBe(400);
    const got = await doc.send(
      new GetCommand({ TableName: 'imagery-image', Key: { id: 'img1' }, ConsistentRead: true }),
    );
    expect(got.Item).toEqual({ id: 'img1', version: 1, state: 'uploaded', created: 1, rawS3Key: 'upload/img1' });
  });

  it('round-trips every attribute type, 38-digit numbers and sets through the DocumentClient', async () => {
    const item = {
      id: 'types',
      s: 'text',
      n: 12.5,
      big: NumberValue.from('12345678901234567890123456789012345678'),
      b: new Uint8Array([1, 2, 3]),
      bool: true,
      nul: null,
      l: [1, 'a', { x: 1 }],
      m: { deep: { deeper: ['z'] } },
      ss: new Set(['a', 'b']),
      ns: new Set([1, 2]),
    };
    await doc.send(new PutCommand({ TableName: 'imagery-image', Item: item }));
    const raw = await db.send(
      new UpdateItemCommand({
        TableName: 'imagery-image',
        Key: { id: { S: 'types' } },
        UpdateExpression: 'ADD big :one, ns :three DELETE ss :a',
        ExpressionAttributeValues: { ':one': { N: '1' }, ':three': { NS: ['3'] }, ':a': { SS: ['a'] } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(raw.Attributes).toEqual({
      big: { N: '12345678901234567890123456789012345679' },
      ns: { NS: ['1', '2', '3'] },
      ss: { SS: ['b'] },
    });
    const back = await doc.send(new GetCommand({ TableName: 'imagery-image', Key: { id: 'types' } }));
    expect(back.Item).toMatchObject({
      s: 'text',
      n: 12.5,
      b: new Uint8Array([1, 2, 3]),
      bool: true,
      nul: null,
      l: [1, 'a', { x: 1 }],
      m: { deep: { deeper: ['z'] } },
      ss: new Set(['b']),
      ns: new Set([1, 2, 3]),
    });
  });

  it('reports DynamoDB validation errors word for word', async () => {
    const v = await failure(
      db.send(
        new PutItemCommand({
          TableName: 'imagery-image',
          Item: { id: { S: 'x' } },
          ConditionExpression: 'attribute_not_exists(id) AND',
          ExpressionAttributeValues: {},
        }),
      ),
    );
    expect(v.name).toBe('ValidationException');
    expect(v.message).toBe('ExpressionAttributeValues must not be empty');
    const syntax = await failure(
      db.send(
        new PutItemCommand({
          TableName: 'imagery-image',
          Item: { id: { S: 'x' } },
          ConditionExpression: 'attribute_not_exists(id) AND',
        }),
      ),
    );
    expect(syntax.message).toBe('Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"');
    const nf = await failure(db.send(new PutItemCommand({ TableName: 'nothing-here', Item: { id: { S: 'x' } } })));
    expect(nf.name).toBe('ResourceNotFoundException');
    expect(nf.message).toBe('Requested resource not found');
    const name = await failure(db.send(new DescribeTableCommand({ TableName: 'a' })));
    expect(name.message).toBe(
      "1 validation error detected: Value 'a' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    const tx = await failure(
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: 'imagery-image',
                Key: { id: { S: 'missing' } },
                ConditionExpression: 'attribute_exists(id)',
              },
            },
          ],
        }),
      ),
    );
    expect(tx.name).toBe('TransactionCanceledException');
    expect((tx as unknown as { CancellationReasons: unknown }).CancellationReasons).toEqual([
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ]);
  });

  it('pages Query and Scan with the DocumentClient, batch-writes, and lists/deletes tables with waiters', async () => {
    await db.send(
      new CreateTableCommand({
        TableName: 'events',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'kind', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'by-kind',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'kind', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 },
      }),
    );
    await new Promise((ok) => setTimeout(ok, 300));
    await waitUntilTableExists({ client: db, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: 'events' });
    const items = Array.from({ length: 50 }, (_, i) => ({
      pk: 'p',
      sk: `2026-01-${String(i).padStart(2, '0')}`,
      kind: i % 3 ? 'click' : 'view',
      n: i,
    }));
    for (let i = 0; i < items.length; i += 25) {
      const out = await doc.send(
        new BatchWriteCommand({
          RequestItems: { events: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
      expect(out.UnprocessedItems).toEqual({});
    }
    const q = await doc.send(
      new QueryCommand({
        TableName: 'events',
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :m)',
        ExpressionAttributeValues: { ':p': 'p', ':m': '2026-01-1' },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    expect(q.Items!.map((i) => i.n)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(q.ConsumedCapacity).toEqual({ TableName: 'events', CapacityUnits: 0.5, Table: { CapacityUnits: 0.5 } });
    const icm = await db.send(
      new PutItemCommand({
        TableName: 'events',
        Item: { pk: { S: 'q' }, sk: { S: 'z' } },
        ReturnItemCollectionMetrics: 'SIZE',
      }),
    );
    expect(icm.ItemCollectionMetrics).toEqual({ ItemCollectionKey: { pk: { S: 'q' } }, SizeEstimateRangeGB: [0, 1] });
    const lsi = await doc.send(
      new QueryCommand({
        TableName: 'events',
        IndexName: 'by-kind',
        KeyConditionExpression: 'pk = :p AND kind = :k',
        ExpressionAttributeValues: { ':p': 'p', ':k': 'view' },
      }),
    );
    expect(lsi.Count).toBe(17);
    expect(Object.keys(lsi.Items![0]!).sort()).toEqual(['kind', 'pk', 'sk']);
    let pages = 0;
    let seen = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const s = await doc.send(
        new ScanCommand({
          TableName: 'events',
          Limit: 20,
          ExclusiveStartKey: start,
          FilterExpression: 'n >= :z',
          ExpressionAttributeValues: { ':z': 0 },
        }),
      );
      pages++;
      seen += s.Count!;
      start = s.LastEvaluatedKey;
    } while (start);
    expect(seen).toBe(50);
    expect(pages).toBe(3);
    const updated = await doc.send(
      new UpdateCommand({
        TableName: 'events',
        Key: { pk: 'p', sk: '2026-01-00' },
        UpdateExpression: 'SET n = n + :d REMOVE kind',
        ExpressionAttributeValues: { ':d': 5 },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    expect(updated.Attributes).toEqual({ n: 0, kind: 'view' });
    expect((await db.send(new ListTablesCommand({ Limit: 1 }))).LastEvaluatedTableName).toBe('events');
    await db.send(new DeleteTableCommand({ TableName: 'events' }));
    await waitUntilTableNotExists({ client: db, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: 'events' });
  });
});
