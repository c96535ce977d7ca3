/** Chapter 13's commands typed into the lab's own `aws` (the shells' CLI), printing what the real CLI prints. */
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { runAwsCli } from '../../../../src-main/engine/cli';
import { memoryHost } from '../../cli/memory-host';

const clock = createClock({ warp: 0 });
const engine = createEngine({ clock });
afterAll(() => {
  engine.close();
  clock.dispose();
});

async function aws(...args: string[]) {
  const host = memoryHost({
    call: engine.call,
    lookup: (id) => engine.lookupAccessKey(id),
    env: {
      AWS_ACCESS_KEY_ID: engine.account.rootAccessKeyId,
      AWS_SECRET_ACCESS_KEY: engine.account.rootSecretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
    },
    now: () => clock.now(),
  });
  host.sleep = async (ms) => void clock.advance(ms);
  const status = await runAwsCli(args, host);
  return { status, stdout: host.out, stderr: host.err };
}

describe('aws dynamodb in the lab shells (§13.4, §13.6, §13.9)', () => {
  it('creates, waits, describes, adds a GSI and reports consumed capacity', async () => {
    const created = await aws(
      'dynamodb',
      'create-table',
      '--table-name',
      'todo-user',
      '--attribute-definitions',
      'AttributeName=uid,AttributeType=S',
      '--key-schema',
      'AttributeName=uid,KeyType=HASH',
      '--provisioned-throughput',
      'ReadCapacityUnits=5,WriteCapacityUnits=5',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).TableDescription.TableStatus).toBe('CREATING');
    expect((await aws('dynamodb', 'wait', 'table-exists', '--table-name', 'todo-user')).status).toBe(0);
    expect(
      (
        await aws(
          'dynamodb',
          'describe-table',
          '--table-name',
          'todo-user',
          '--query',
          'Table.TableStatus',
          '--output',
          'text',
        )
      ).stdout,
    ).toBe('ACTIVE\n');
    await aws(
      'dynamodb',
      'put-item',
      '--table-name',
      'todo-user',
      '--item',
      '{"uid": {"S": "michael"}, "email": {"S": "michael@widdix.de"}}',
    );
    const ev = await aws(
      'dynamodb',
      'get-item',
      '--table-name',
      'todo-user',
      '--key',
      '{"uid": {"S": "michael"}}',
      '--return-consumed-capacity',
      'TOTAL',
      '--query',
      'ConsumedCapacity',
    );
    expect(ev.stdout).toBe('{\n    "TableName": "todo-user",\n    "CapacityUnits": 0.5\n}\n');
    const sc = await aws(
      'dynamodb',
      'get-item',
      '--table-name',
      'todo-user',
      '--key',
      '{"uid": {"S": "michael"}}',
      '--return-consumed-capacity',
      'TOTAL',
      '--consistent-read',
      '--query',
      'ConsumedCapacity',
    );
    // DynamoDB's wire has 1.0 here and the real CLI prints it as a float.
    expect(sc.stdout).toBe('{\n    "TableName": "todo-user",\n    "CapacityUnits": 1.0\n}\n');

    await aws(
      'dynamodb',
      'create-table',
      '--table-name',
      'todo-task',
      '--attribute-definitions',
      'AttributeName=uid,AttributeType=S',
      'AttributeName=tid,AttributeType=N',
      '--key-schema',
      'AttributeName=uid,KeyType=HASH',
      'AttributeName=tid,KeyType=RANGE',
      '--provisioned-throughput',
      'ReadCapacityUnits=5,WriteCapacityUnits=5',
    );
    await aws('dynamodb', 'wait', 'table-exists', '--table-name', 'todo-task');
    const up = await aws(
      'dynamodb',
      'update-table',
      '--table-name',
      'todo-task',
      '--attribute-definitions',
      'AttributeName=uid,AttributeType=S',
      'AttributeName=tid,AttributeType=N',
      'AttributeName=category,AttributeType=S',
      '--global-secondary-index-updates',
      '[{"Create": {"IndexName": "category-index", "KeySchema": [{"AttributeName": "category", "KeyType": "HASH"}, {"AttributeName": "tid", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}}]',
    );
    expect(up.status, up.stderr).toBe(0);
    clock.advance(60_000);
    const gsis = JSON.parse(
      (await aws('dynamodb', 'describe-table', '--table-name=todo-task', '--query', 'Table.GlobalSecondaryIndexes'))
        .stdout,
    );
    expect(gsis[0]).toMatchObject({
      IndexName: 'category-index',
      IndexStatus: 'ACTIVE',
      Projection: { ProjectionType: 'ALL' },
    });
    const missing = await aws('dynamodb', 'describe-table', '--table-name', 'nope');
    expect(missing.status).toBe(254);
    expect(missing.stderr).toContain(
      'An error occurred (ResourceNotFoundException) when calling the DescribeTable operation: Requested resource not found: Table: nope not found',
    );
  });
});
