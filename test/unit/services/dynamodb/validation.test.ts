import { describe, expect, it } from 'vitest';
import { ddbEngine } from './helpers';

// DynamoDB's own wording (checked against dynalite, which was checked against the service).
describe('DynamoDB validation messages', () => {
  it('CreateTable', async () => {
    const { fail } = ddbEngine();
    const base = {
      TableName: 'tbl',
      AttributeDefinitions: [{ AttributeName: 'a', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }],
    };
    const pt = { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } };
    expect((await fail('CreateTable', base)).message).toBe(
      'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
    );
    expect((await fail('CreateTable', { ...base, ...pt, BillingMode: 'PAY_PER_REQUEST' })).message).toBe(
      'One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST',
    );
    expect(
      (await fail('CreateTable', { ...base, ...pt, KeySchema: [{ AttributeName: 'b', KeyType: 'HASH' }] })).message,
    ).toBe(
      'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [b], AttributeDefinitions: [a]',
    );
    expect(
      (
        await fail('CreateTable', {
          ...base,
          ...pt,
          AttributeDefinitions: [...base.AttributeDefinitions, { AttributeName: 'x', AttributeType: 'N' }],
        })
      ).message,
    ).toBe(
      'One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions',
    );
    expect(
      (await fail('CreateTable', { ...base, ...pt, KeySchema: [{ AttributeName: 'a', KeyType: 'RANGE' }] })).message,
    ).toBe('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
    expect(
      (
        await fail('CreateTable', {
          ...base,
          ...pt,
          LocalSecondaryIndexes: [
            {
              IndexName: 'lsi',
              KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        })
      ).message,
    ).toBe(
      'One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex',
    );
    expect((await fail('CreateTable', { ...base, ...pt, TableName: 'bad name!' })).message).toBe(
      "1 validation error detected: Value 'bad name!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    expect((await fail('CreateTable', { ...base, TableName: undefined, ...pt })).message).toBe(
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('items, queries and expressions', async () => {
    const { fail, table } = ddbEngine();
    await table('val-t', { name: 'sk', type: 'S' });
    const q = { TableName: 'val-t' };
    expect((await fail('Query', q)).message).toBe(
      'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.',
    );
    expect(
      (
        await fail('Query', {
          ...q,
          KeyConditionExpression: 'sk = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        })
      ).message,
    ).toBe('Query condition missed key schema element: uid');
    expect(
      (
        await fail('Query', {
          ...q,
          IndexName: 'nope',
          KeyConditionExpression: 'uid = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        })
      ).message,
    ).toBe('The table does not have the specified index: nope');
    expect(
      (
        await fail('Query', {
          ...q,
          KeyConditionExpression: 'uid = :v OR sk = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        })
      ).message,
    ).toBe('Invalid operator used in KeyConditionExpression: OR');
    expect(
      (
        await fail('GetItem', {
          ...q,
          Key: { uid: { S: 'a' }, sk: { S: 'b' } },
          ProjectionExpression: 'a',
          AttributesToGet: ['a'],
        })
      ).message,
    ).toBe(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}',
    );
    const key = { uid: { S: 'a' }, sk: { S: 'b' } };
    expect(
      (
        await fail('UpdateItem', {
          ...q,
          Key: key,
          UpdateExpression: 'SET uid = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        })
      ).message,
    ).toBe('One or more parameter values were invalid: Cannot update attribute uid. This attribute is part of the key');
    expect(
      (
        await fail('UpdateItem', {
          ...q,
          Key: key,
          UpdateExpression: 'SET a = :v SET b = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        })
      ).message,
    ).toBe('Invalid UpdateExpression: The "SET" section can only be used once in an update expression;');
    expect((await fail('UpdateItem', { ...q, Key: key, UpdateExpression: 'SET a = foo(b)' })).message).toBe(
      'Invalid UpdateExpression: Invalid function name; function: foo',
    );
    expect(
      (
        await fail('UpdateItem', {
          ...q,
          Key: key,
          UpdateExpression: 'SET a = :v',
          ExpressionAttributeValues: { ':v': { S: 'x' } },
          ExpressionAttributeNames: { '#n': 'x' },
        })
      ).message,
    ).toBe('Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}');
    expect((await fail('GetItem', { ...q, Key: key, ExpressionAttributeNames: { '#n': 'x' } })).message).toBe(
      'ExpressionAttributeNames can only be specified when using expressions',
    );
    expect((await fail('PutItem', { ...q, Item: { ...key, s: { SS: ['a', 'a'] } } })).message).toBe(
      'One or more parameter values were invalid: Input collection [a, a] contains duplicates.',
    );
    expect((await fail('PutItem', { ...q, Item: { ...key, s: {} } })).message).toBe(
      'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes',
    );
    expect((await fail('PutItem', { ...q, Item: { ...key, n: { N: 'abc' } } })).message).toBe(
      'The parameter cannot be converted to a numeric value: abc',
    );
    expect((await fail('PutItem', { ...q, Item: { uid: { S: '' }, sk: { S: 'b' } } })).message).toBe(
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: uid',
    );
    expect((await fail('Scan', { ...q, Limit: 0 })).message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect((await fail('Scan', { ...q, Segment: 3, TotalSegments: 2 })).message).toBe(
      'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is out of bounds for TotalSegments: 2',
    );
  });
});
