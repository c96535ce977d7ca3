import { describe, expect, it } from 'vitest';
import { ddbEngine } from './helpers';

describe('DynamoDB items', () => {
  it('creates a table CREATING → ACTIVE on the simulated clock', async () => {
    const { call, clock, fail } = ddbEngine();
    const out = await call('CreateTable', {
      TableName: 'todo-user',
      AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    });
    expect(out.TableDescription.TableStatus).toBe('CREATING');
    expect((await fail('PutItem', { TableName: 'todo-user', Item: { uid: { S: 'a' } } })).message).toBe(
      'Requested resource not found',
    );
    clock.advance(5_000);
    expect((await call('DescribeTable', { TableName: 'todo-user' })).Table.TableStatus).toBe('ACTIVE');
    expect((await fail('DescribeTable', { TableName: 'nope' })).message).toBe(
      'Requested resource not found: Table: nope not found',
    );
    expect(
      (
        await fail('CreateTable', {
          TableName: 'todo-user',
          AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }],
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        })
      ).code,
    ).toBe('ResourceInUseException');
  });

  it('puts, gets with 0.5 / 1 read units, conditions, updates and deletes', async () => {
    const { call, fail, table } = ddbEngine();
    await table('todo-user');
    await call('PutItem', {
      TableName: 'todo-user',
      Item: { uid: { S: 'michael' }, email: { S: 'm@example.com' }, phone: { S: '0123' } },
      ConditionExpression: 'attribute_not_exists(uid)',
    });
    const again = await fail('PutItem', {
      TableName: 'todo-user',
      Item: { uid: { S: 'michael' } },
      ConditionExpression: 'attribute_not_exists(uid)',
    });
    expect(again).toMatchObject({ code: 'ConditionalCheckFailedException', message: 'The conditional request failed' });
    const ev = await call('GetItem', {
      TableName: 'todo-user',
      Key: { uid: { S: 'michael' } },
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(ev.ConsumedCapacity).toEqual({ TableName: 'todo-user', CapacityUnits: 0.5 });
    const sc = await call('GetItem', {
      TableName: 'todo-user',
      Key: { uid: { S: 'michael' } },
      ReturnConsumedCapacity: 'TOTAL',
      ConsistentRead: true,
    });
    expect(sc.ConsumedCapacity).toEqual({ TableName: 'todo-user', CapacityUnits: 1 });
    expect(sc.Item.email).toEqual({ S: 'm@example.com' });
    const up = await call('UpdateItem', {
      TableName: 'todo-user',
      Key: { uid: { S: 'michael' } },
      UpdateExpression:
        'SET visits = if_not_exists(visits, :zero) + :one, tags = list_append(if_not_exists(tags, :empty), :t) REMOVE phone ADD colors :c',
      ExpressionAttributeValues: {
        ':zero': { N: '0' },
        ':one': { N: '1' },
        ':empty': { L: [] },
        ':t': { L: [{ S: 'x' }] },
        ':c': { SS: ['red'] },
      },
      ReturnValues: 'ALL_NEW',
    });
    expect(up.Attributes).toEqual({
      uid: { S: 'michael' },
      email: { S: 'm@example.com' },
      visits: { N: '1' },
      tags: { L: [{ S: 'x' }] },
      colors: { SS: ['red'] },
    });
    const p = await call('GetItem', {
      TableName: 'todo-user',
      Key: { uid: { S: 'michael' } },
      ProjectionExpression: '#e, tags[0]',
      ExpressionAttributeNames: { '#e': 'email' },
    });
    expect(p.Item).toEqual({ email: { S: 'm@example.com' }, tags: { L: [{ S: 'x' }] } });
    const del = await call('DeleteItem', {
      TableName: 'todo-user',
      Key: { uid: { S: 'michael' } },
      ReturnValues: 'ALL_OLD',
    });
    expect(del.Attributes.uid).toEqual({ S: 'michael' });
    expect((await call('GetItem', { TableName: 'todo-user', Key: { uid: { S: 'michael' } } })).Item).toBeUndefined();
  });

  it('answers DynamoDB validation messages', async () => {
    const { fail, table } = ddbEngine();
    await table('t-val');
    expect((await fail('GetItem', { TableName: 't-val', Key: { nope: { S: 'x' } } })).message).toBe(
      'The provided key element does not match the schema',
    );
    expect((await fail('PutItem', { TableName: 't-val', Item: { other: { S: 'x' } } })).message).toBe(
      'One or more parameter values were invalid: Missing the key uid in the item',
    );
    expect((await fail('PutItem', { TableName: 't-val', Item: { uid: { N: '1' } } })).message).toBe(
      'One or more parameter values were invalid: Type mismatch for key uid expected: S actual: N',
    );
    expect(
      (
        await fail('PutItem', {
          TableName: 't-val',
          Item: { uid: { S: 'a' } },
          ConditionExpression: 'name = :n',
          ExpressionAttributeValues: { ':n': { S: 'x' } },
        })
      ).message,
    ).toBe('Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name');
    expect(
      (await fail('PutItem', { TableName: 't-val', Item: { uid: { S: 'a' } }, ConditionExpression: 'a = :n' })).message,
    ).toBe(
      'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :n',
    );
    expect(
      (
        await fail('PutItem', {
          TableName: 't-val',
          Item: { uid: { S: 'a' } },
          ConditionExpression: 'a = :n',
          ExpressionAttributeValues: { ':n': { S: 'x' }, ':m': { S: 'y' } },
        })
      ).message,
    ).toBe('Value provided in ExpressionAttributeValues unused in expressions: keys: {:m}');
    expect(
      (await fail('PutItem', { TableName: 't-val', Item: { uid: { S: 'a' } }, ConditionExpression: 'a = ' })).message,
    ).toBe('Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= "');
    expect(
      (await fail('PutItem', { TableName: 't-val', Item: { uid: { S: 'a' }, n: { N: '1'.repeat(39) } } })).message,
    ).toBe('Attempting to store more than 38 significant digits in a Number');
    expect(
      (await fail('PutItem', { TableName: 't-val', Item: { uid: { S: 'a' }, big: { S: 'x'.repeat(400 * 1024) } } }))
        .message,
    ).toBe('Item size has exceeded the maximum allowed size');
    expect((await fail('GetItem', { TableName: 'x', Key: { uid: { S: 'a' } } })).message).toBe(
      "1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
  });

  it('queries in key order with begins_with/between, pages, filters, COUNT and a backfilled GSI', async () => {
    const { call, clock, fail, table } = ddbEngine();
    await table('todo-task', { name: 'tid', type: 'N' });
    for (let i = 1; i <= 12; i++) {
      await call('PutItem', {
        TableName: 'todo-task',
        Item: {
          uid: { S: 'michael' },
          tid: { N: String(i * 10 - 60) },
          ...(i % 2 ? { category: { S: 'home' } } : {}),
          due: { N: String(20260100 + i) },
        },
      });
    }
    await call('PutItem', { TableName: 'todo-task', Item: { uid: { S: 'other' }, tid: { N: '1' } } });
    const q = await call('Query', {
      TableName: 'todo-task',
      KeyConditionExpression: 'uid = :u AND tid BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':u': { S: 'michael' }, ':a': { N: '-50' }, ':b': { N: '0.5' } },
    });
    expect(q.Items.map((i: { tid: { N: string } }) => i.tid.N)).toEqual(['-50', '-40', '-30', '-20', '-10', '0']);
    const back = await call('Query', {
      TableName: 'todo-task',
      KeyConditionExpression: 'uid = :u',
      ExpressionAttributeValues: { ':u': { S: 'michael' } },
      ScanIndexForward: false,
      Limit: 5,
    });
    expect(back.Items.map((i: { tid: { N: string } }) => i.tid.N)).toEqual(['60', '50', '40', '30', '20']);
    expect(back.LastEvaluatedKey).toEqual({ uid: { S: 'michael' }, tid: { N: '20' } });
    const next = await call('Query', {
      TableName: 'todo-task',
      KeyConditionExpression: 'uid = :u',
      ExpressionAttributeValues: { ':u': { S: 'michael' } },
      ScanIndexForward: false,
      Limit: 5,
      ExclusiveStartKey: back.LastEvaluatedKey,
    });
    expect(next.Items[0].tid.N).toBe('10');
    const f = await call('Query', {
      TableName: 'todo-task',
      KeyConditionExpression: 'uid = :u',
      FilterExpression: 'attribute_not_exists(category)',
      ExpressionAttributeValues: { ':u': { S: 'michael' } },
      Select: 'COUNT',
    });
    expect(f).toMatchObject({ Count: 6, ScannedCount: 12 });
    expect(f.Items).toBeUndefined();

    await call('UpdateTable', {
      TableName: 'todo-task',
      AttributeDefinitions: [{ AttributeName: 'category', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            IndexName: 'category-index',
            KeySchema: [
              { AttributeName: 'category', KeyType: 'HASH' },
              { AttributeName: 'tid', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
          },
        },
      ],
    });
    const d = await call('DescribeTable', { TableName: 'todo-task' });
    expect(d.Table.GlobalSecondaryIndexes[0]).toMatchObject({
      IndexName: 'category-index',
      IndexStatus: 'CREATING',
      Backfilling: true,
    });
    expect(
      (
        await fail('Query', {
          TableName: 'todo-task',
          IndexName: 'category-index',
          KeyConditionExpression: 'category = :c',
          ExpressionAttributeValues: { ':c': { S: 'home' } },
        })
      ).message,
    ).toBe('Cannot read from backfilling global secondary index: category-index');
    clock.advance(20_000);
    const g = await call('Query', {
      TableName: 'todo-task',
      IndexName: 'category-index',
      KeyConditionExpression: 'category = :c AND tid > :t',
      ExpressionAttributeValues: { ':c': { S: 'home' }, ':t': { N: '0' } },
    });
    expect(g.Items.map((i: { tid: { N: string } }) => i.tid.N)).toEqual(['10', '30', '50']);
    expect((await call('DescribeTable', { TableName: 'todo-task' })).Table.GlobalSecondaryIndexes[0]).toMatchObject({
      IndexStatus: 'ACTIVE',
      ItemCount: 6,
    });
  });

  it('scans in pages and parallel segments that cover every item once', async () => {
    const { call, table } = ddbEngine();
    await table('scan-me');
    for (let i = 0; i < 40; i++)
      await call('PutItem', { TableName: 'scan-me', Item: { uid: { S: `u${i}` }, n: { N: String(i) } } });
    const seen: string[] = [];
    let start: unknown;
    do {
      const page = await call('Scan', {
        TableName: 'scan-me',
        Limit: 7,
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      seen.push(...page.Items.map((i: { uid: { S: string } }) => i.uid.S));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(new Set(seen).size).toBe(40);
    const segs = await Promise.all(
      [0, 1, 2].map((s) => call('Scan', { TableName: 'scan-me', Segment: s, TotalSegments: 3 })),
    );
    expect(segs.reduce((n, s) => n + s.Count, 0)).toBe(40);
    const filtered = await call('Scan', {
      TableName: 'scan-me',
      FilterExpression: 'n >= :x',
      ExpressionAttributeValues: { ':x': { N: '30' } },
    });
    expect(filtered.Count).toBe(10);
  });
});
