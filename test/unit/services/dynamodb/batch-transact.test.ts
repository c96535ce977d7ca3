import { describe, expect, it } from 'vitest';
import { ddbEngine } from './helpers';

describe('DynamoDB batches, transactions, TTL and tags', () => {
  it('batch-writes and batch-gets across tables, refusing duplicates and oversize batches', async () => {
    const { call, fail, table } = ddbEngine();
    await table('batch-a');
    await table('batch-b');
    const w = await call('BatchWriteItem', {
      RequestItems: {
        'batch-a': [{ PutRequest: { Item: { uid: { S: '1' } } } }, { PutRequest: { Item: { uid: { S: '2' } } } }],
        'batch-b': [{ PutRequest: { Item: { uid: { S: '3' }, v: { N: '3' } } } }],
      },
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(w.UnprocessedItems).toEqual({});
    expect(w.ConsumedCapacity).toEqual([
      { TableName: 'batch-a', CapacityUnits: 2 },
      { TableName: 'batch-b', CapacityUnits: 1 },
    ]);
    const g = await call('BatchGetItem', {
      RequestItems: {
        'batch-a': { Keys: [{ uid: { S: '1' } }, { uid: { S: '9' } }] },
        'batch-b': { Keys: [{ uid: { S: '3' } }], ProjectionExpression: 'v' },
      },
    });
    expect(g.Responses['batch-a']).toEqual([{ uid: { S: '1' } }]);
    expect(g.Responses['batch-b']).toEqual([{ v: { N: '3' } }]);
    expect(
      (
        await fail('BatchWriteItem', {
          RequestItems: {
            'batch-a': [{ PutRequest: { Item: { uid: { S: '1' } } } }, { DeleteRequest: { Key: { uid: { S: '1' } } } }],
          },
        })
      ).message,
    ).toBe('Provided list of item keys contains duplicates');
    const many = Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { uid: { S: `k${i}` } } } }));
    expect((await fail('BatchWriteItem', { RequestItems: { 'batch-a': many } })).message).toBe(
      'Too many items requested for the BatchWriteItem call',
    );
  });

  it('cancels a transaction as a whole with a reason per action', async () => {
    const { call, fail, table } = ddbEngine();
    await table('tx-t');
    await call('PutItem', { TableName: 'tx-t', Item: { uid: { S: 'a' }, n: { N: '1' } } });
    const e = (await fail('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'tx-t', Item: { uid: { S: 'b' } } } },
        {
          Update: {
            TableName: 'tx-t',
            Key: { uid: { S: 'a' } },
            UpdateExpression: 'SET n = n + :one',
            ConditionExpression: 'n = :two',
            ExpressionAttributeValues: { ':one': { N: '1' }, ':two': { N: '2' } },
          },
        },
      ],
    })) as unknown as { code: string; message: string; extra: { CancellationReasons: unknown } };
    expect(e.code).toBe('TransactionCanceledException');
    expect(e.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    );
    expect((await call('GetItem', { TableName: 'tx-t', Key: { uid: { S: 'b' } } })).Item).toBeUndefined();
    await call('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'tx-t', Item: { uid: { S: 'b' } }, ConditionExpression: 'attribute_not_exists(uid)' } },
        {
          Update: {
            TableName: 'tx-t',
            Key: { uid: { S: 'a' } },
            UpdateExpression: 'SET n = n + :one',
            ConditionExpression: 'n = :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
      ],
    });
    const got = await call('TransactGetItems', {
      TransactItems: [
        { Get: { TableName: 'tx-t', Key: { uid: { S: 'a' } } } },
        { Get: { TableName: 'tx-t', Key: { uid: { S: 'b' } } } },
      ],
    });
    expect(got.Responses).toEqual([{ Item: { uid: { S: 'a' }, n: { N: '2' } } }, { Item: { uid: { S: 'b' } } }]);
  });

  it('expires items on the simulated clock once TTL is on', async () => {
    const { call, clock, table } = ddbEngine();
    await table('ttl-t');
    const now = Math.floor(clock.now() / 1000);
    await call('PutItem', { TableName: 'ttl-t', Item: { uid: { S: 'old' }, exp: { N: String(now + 30) } } });
    await call('PutItem', { TableName: 'ttl-t', Item: { uid: { S: 'new' }, exp: { N: String(now + 3600) } } });
    await call('UpdateTimeToLive', {
      TableName: 'ttl-t',
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' },
    });
    expect((await call('DescribeTimeToLive', { TableName: 'ttl-t' })).TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'exp',
    });
    clock.advance(120_000);
    const s = await call('Scan', { TableName: 'ttl-t' });
    expect(s.Items.map((i: { uid: { S: string } }) => i.uid.S)).toEqual(['new']);
    expect((await call('DescribeTable', { TableName: 'ttl-t' })).Table.ItemCount).toBe(1);
  });

  it('tags tables by ARN', async () => {
    const { call, fail, table } = ddbEngine();
    await table('tag-t');
    const arn = (await call('DescribeTable', { TableName: 'tag-t' })).Table.TableArn;
    await call('TagResource', {
      ResourceArn: arn,
      Tags: [
        { Key: 'env', Value: 'lab' },
        { Key: 'x', Value: 'y' },
      ],
    });
    await call('UntagResource', { ResourceArn: arn, TagKeys: ['x'] });
    expect((await call('ListTagsOfResource', { ResourceArn: arn })).Tags).toEqual([{ Key: 'env', Value: 'lab' }]);
    expect((await fail('ListTagsOfResource', { ResourceArn: arn.replace('tag-t', 'nope') })).code).toBe(
      'ResourceNotFoundException',
    );
  });

  it('throttles a provisioned table once its burst is spent, and refills with time', async () => {
    const { call, clock, fail } = ddbEngine();
    await call('CreateTable', {
      TableName: 'tiny',
      AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    });
    clock.advance(10_000);
    const big = 'x'.repeat(100 * 1024);
    let n = 0;
    let err: { code: string } | undefined;
    for (; n < 10; n++) {
      err = await fail('PutItem', { TableName: 'tiny', Item: { uid: { S: `i${n}` }, big: { S: big } } }).catch(
        () => undefined,
      );
      if (err) break;
    }
    expect(err?.code).toBe('ProvisionedThroughputExceededException');
    expect(n).toBeGreaterThan(2);
    clock.advance(600_000);
    await call('PutItem', { TableName: 'tiny', Item: { uid: { S: 'later' } } });
  });
});
