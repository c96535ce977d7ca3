import { beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { useLab, type RunningLab } from '../../helpers/lab';

// aws-sdk v2: the DocumentClient many learners' programs use, and throttling that the SDK's own
// retries ride out once the table's bucket refills on the (warped) simulated clock.
const useTheLab = useLab({ extraArgs: ['--warp', '50'] });
let lab: RunningLab;
let db: AWS.DynamoDB;
let doc: AWS.DynamoDB.DocumentClient;
beforeAll(() => {
  lab = useTheLab();
  const common = {
    endpoint: lab.endpoint,
    region: 'us-east-1',
    credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
  };
  db = new AWS.DynamoDB({ ...common, maxRetries: 10 });
  doc = new AWS.DynamoDB.DocumentClient({ service: new AWS.DynamoDB({ ...common, maxRetries: 0 }) });
});

const table = async (name: string, rcu: number, wcu: number) => {
  await db
    .createTable({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: rcu, WriteCapacityUnits: wcu },
    })
    .promise();
  await new Promise((ok) => setTimeout(ok, 300));
  await db.waitFor('tableExists', { TableName: name, $waiter: { delay: 1, maxAttempts: 30 } }).promise();
};

describe('DynamoDB through aws-sdk v2', () => {
  it('DocumentClient put/get/update/query/delete with sets and conditions', async () => {
    await table('v2-doc', 5, 5);
    await doc
      .put({
        TableName: 'v2-doc',
        Item: { uid: 'u1', tags: doc.createSet(['a', 'b']), n: 1 },
        ConditionExpression: 'attribute_not_exists(uid)',
      })
      .promise();
    const dup = await doc
      .put({ TableName: 'v2-doc', Item: { uid: 'u1' }, ConditionExpression: 'attribute_not_exists(uid)' })
      .promise()
      .catch((e: AWS.AWSError) => e);
    expect((dup as AWS.AWSError).code).toBe('ConditionalCheckFailedException');
    const up = await doc
      .update({
        TableName: 'v2-doc',
        Key: { uid: 'u1' },
        UpdateExpression: 'ADD n :one, tags :c',
        ExpressionAttributeValues: { ':one': 1, ':c': doc.createSet(['c']) },
        ReturnValues: 'ALL_NEW',
      })
      .promise();
    expect(up.Attributes!.n).toBe(2);
    expect((up.Attributes!.tags as { values: string[] }).values.sort()).toEqual(['a', 'b', 'c']);
    const q = await doc
      .query({
        TableName: 'v2-doc',
        KeyConditionExpression: 'uid = :u',
        ExpressionAttributeValues: { ':u': 'u1' },
        ReturnConsumedCapacity: 'TOTAL',
      })
      .promise();
    expect(q.Count).toBe(1);
    expect(q.ConsumedCapacity).toEqual({ TableName: 'v2-doc', CapacityUnits: 0.5 });
    await doc.delete({ TableName: 'v2-doc', Key: { uid: 'u1' } }).promise();
    expect((await doc.get({ TableName: 'v2-doc', Key: { uid: 'u1' } }).promise()).Item).toBeUndefined();
  });

  it('throttles a 1-WCU table with ProvisionedThroughputExceededException and lets SDK retries through', async () => {
    await table('v2-tiny', 1, 1);
    const big = 'x'.repeat(100 * 1024);
    const noRetry = new AWS.DynamoDB({
      endpoint: lab.endpoint,
      region: 'us-east-1',
      credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
      maxRetries: 0,
    });
    let throttled: AWS.AWSError | undefined;
    for (let i = 0; i < 10 && !throttled; i++) {
      await noRetry
        .putItem({ TableName: 'v2-tiny', Item: { uid: { S: `a${i}` }, big: { S: big } } })
        .promise()
        .catch((e: AWS.AWSError) => (throttled = e));
    }
    expect(throttled?.code).toBe('ProvisionedThroughputExceededException');
    expect(throttled?.message).toBe(
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    );
    // With the SDK's retries (and the bucket refilling at 1 unit per simulated second), a 60-unit write gets
    // through. Whether it needed a retry depends on how much real time a loaded machine took to get here.
    const r = db.putItem({ TableName: 'v2-tiny', Item: { uid: { S: 'retried' }, big: { S: 'x'.repeat(60 * 1024) } } });
    const out = await r.promise();
    expect(out.$response.error).toBeNull();
    expect((await db.getItem({ TableName: 'v2-tiny', Key: { uid: { S: 'retried' } } }).promise()).Item?.big?.S?.length).toBe(60 * 1024);
  });
});
