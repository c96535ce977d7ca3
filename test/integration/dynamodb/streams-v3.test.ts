import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  DescribeTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  DynamoDBStreamsServiceException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { useLab, type RunningLab } from '../../helpers/lab';

// Tables become ACTIVE after 5 simulated seconds: warp 50 keeps that to a tenth of a second.
const useTheLab = useLab({ extraArgs: ['--warp', '50'] });
let lab: RunningLab;
let db: DynamoDBClient;
let streams: DynamoDBStreamsClient;

beforeAll(async () => {
  lab = useTheLab();
  const common = { endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials, maxAttempts: 1 };
  db = new DynamoDBClient(common);
  streams = new DynamoDBStreamsClient(common);
});

async function tableWithStream(name: string, view: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY') {
  const out = await db.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: view },
    }),
  );
  // Writes need an ACTIVE table.
  for (;;) {
    const d = await db.send(new DescribeTableCommand({ TableName: name }));
    if (d.Table?.TableStatus === 'ACTIVE') break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return out.TableDescription!.LatestStreamArn!;
}

async function readAll(arn: string): Promise<_Record[]> {
  const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
  const shard = d.StreamDescription!.Shards![0]!.ShardId!;
  const it = await streams.send(
    new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }),
  );
  const out = await streams.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator! }));
  return out.Records ?? [];
}

async function writeSome(name: string) {
  await db.send(new PutItemCommand({ TableName: name, Item: { id: { S: 'a' }, n: { N: '1' }, b: { B: Buffer.from([1, 2]) } } }));
  await db.send(
    new UpdateItemCommand({
      TableName: name,
      Key: { id: { S: 'a' } },
      UpdateExpression: 'SET n = :two',
      ExpressionAttributeValues: { ':two': { N: '2' } },
    }),
  );
  await db.send(new DeleteItemCommand({ TableName: name, Key: { id: { S: 'a' } } }));
}

describe('DynamoDB Streams through SDK v3 (@aws-sdk/client-dynamodb-streams)', { timeout: 30_000 }, () => {
  it('lists, describes and reads a NEW_AND_OLD_IMAGES stream in order, with binaries as bytes', async () => {
    const arn = await tableWithStream('st-both', 'NEW_AND_OLD_IMAGES');
    const listed = await streams.send(new ListStreamsCommand({ TableName: 'st-both' }));
    expect(listed.Streams).toEqual([{ StreamArn: arn, TableName: 'st-both', StreamLabel: arn.split('/stream/')[1] }]);
    const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(d.StreamDescription).toMatchObject({
      StreamStatus: 'ENABLED',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      TableName: 'st-both',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    expect(d.StreamDescription!.Shards![0]!.ShardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    await writeSome('st-both');
    const records = await readAll(arn);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [ins, mod, rem] = records as [_Record, _Record, _Record];
    expect(ins.eventSource).toBe('aws:dynamodb');
    expect(ins.awsRegion).toBe('us-east-1');
    expect(ins.dynamodb!.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(ins.dynamodb!.NewImage!.b!.B).toEqual(new Uint8Array([1, 2]));
    expect(ins.dynamodb!.OldImage).toBeUndefined();
    expect(mod.dynamodb!.OldImage!.n).toEqual({ N: '1' });
    expect(mod.dynamodb!.NewImage!.n).toEqual({ N: '2' });
    expect(rem.dynamodb!.Keys).toEqual({ id: { S: 'a' } });
    expect(rem.dynamodb!.NewImage).toBeUndefined();
    const seqs = records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
  });

  it('shapes records per view type (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE)', async () => {
    const keys = await tableWithStream('st-keys', 'KEYS_ONLY');
    const fresh = await tableWithStream('st-new', 'NEW_IMAGE');
    const old = await tableWithStream('st-old', 'OLD_IMAGE');
    for (const t of ['st-keys', 'st-new', 'st-old']) await writeSome(t);
    const k = await readAll(keys);
    expect(k.every((r) => !r.dynamodb!.NewImage && !r.dynamodb!.OldImage && r.dynamodb!.Keys!.id!.S === 'a')).toBe(true);
    const n = await readAll(fresh);
    expect(n.map((r) => [!!r.dynamodb!.NewImage, !!r.dynamodb!.OldImage])).toEqual([
      [true, false],
      [true, false],
      [false, false],
    ]);
    const o = await readAll(old);
    expect(o.map((r) => [!!r.dynamodb!.NewImage, !!r.dynamodb!.OldImage])).toEqual([
      [false, false],
      [false, true],
      [false, true],
    ]);
  });

  it('writes a transaction’s records with it, LATEST and AFTER_SEQUENCE_NUMBER iterators, and closes on disable', async () => {
    const arn = await tableWithStream('st-tx', 'NEW_IMAGE');
    const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    const shard = d.StreamDescription!.Shards![0]!.ShardId!;
    const latest = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: 'LATEST' }),
    );
    await db.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'st-tx', Item: { id: { S: 'x' } } } },
          { Put: { TableName: 'st-tx', Item: { id: { S: 'y' } } } },
        ],
      }),
    );
    // A cancelled transaction leaves no record.
    await expect(
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'st-tx', Item: { id: { S: 'z' } } } },
            { Put: { TableName: 'st-tx', Item: { id: { S: 'x' } }, ConditionExpression: 'attribute_not_exists(id)' } },
          ],
        }),
      ),
    ).rejects.toThrow(/Transaction cancelled/);
    const got = await streams.send(new GetRecordsCommand({ ShardIterator: latest.ShardIterator! }));
    expect(got.Records!.map((r) => r.dynamodb!.Keys!.id!.S)).toEqual(['x', 'y']);
    const after = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: arn,
        ShardId: shard,
        ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
        SequenceNumber: got.Records![0]!.dynamodb!.SequenceNumber!,
      }),
    );
    const rest = await streams.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator! }));
    expect(rest.Records!.map((r) => r.dynamodb!.Keys!.id!.S)).toEqual(['y']);
    await db.send(new UpdateTableCommand({ TableName: 'st-tx', StreamSpecification: { StreamEnabled: false } }));
    const closed = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(closed.StreamDescription!.StreamStatus).toBe('DISABLED');
    expect(closed.StreamDescription!.Shards![0]!.SequenceNumberRange!.EndingSequenceNumber).toBe(
      got.Records![1]!.dynamodb!.SequenceNumber,
    );
    const end = await streams.send(new GetRecordsCommand({ ShardIterator: rest.NextShardIterator! }));
    expect(end.Records).toEqual([]);
    expect(end.NextShardIterator).toBeUndefined();
  });

  it('answers DynamoDB Streams errors', async () => {
    const missing = await streams
      .send(new DescribeStreamCommand({ StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000' }))
      .catch((e: DynamoDBStreamsServiceException) => e);
    expect((missing as DynamoDBStreamsServiceException).name).toBe('ResourceNotFoundException');
    const bad = await streams
      .send(new GetRecordsCommand({ ShardIterator: 'not-an-iterator' }))
      .catch((e: DynamoDBStreamsServiceException) => e);
    expect((bad as DynamoDBStreamsServiceException).name).toBe('ValidationException');
  });
});
