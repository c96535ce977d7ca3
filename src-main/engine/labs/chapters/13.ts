/** Chapter 13: DynamoDB tables, the nodetodo program, a secondary index, capacity units (T13.1-T13.7, §13.3-§13.9). */
import { arr, ifExists, str, waitFor, type Obj } from '../cloud';
import { failed, passed, type ChapterDefinition, type CheckResult, type HistoryRow, type StepContext } from '../types';
import { BOOK_REGION, bySdk, CLI_USER, prepareMycli, runChapterProgram, typeOn, WORKSTATION } from './shared';

const USERS = 'todo-user';
const TASKS = 'todo-task';
const INDEX = 'category-index';
const PROGRAM = 'nodetodo/index.js';

async function table(ctx: StepContext, name: string): Promise<Obj | undefined> {
  return (await ifExists(ctx.aws('dynamodb', 'DescribeTable', { TableName: name }, BOOK_REGION)))?.Table as Obj | undefined;
}

const keyOf = (t: Obj, type: 'HASH' | 'RANGE'): string | undefined => str(arr(t.KeySchema).find((k) => k.KeyType === type)?.AttributeName);
const typeOf = (t: Obj, attr: string | undefined): string | undefined => str(arr(t.AttributeDefinitions).find((a) => a.AttributeName === attr)?.AttributeType);

/** A table with the book's key: its name, partition key (and sort key) and their types. */
async function checkTable(ctx: StepContext, name: string, hash: [string, string], range?: [string, string]): Promise<CheckResult> {
  const t = await table(ctx, name);
  if (!t) return failed(`There is no table named ${name} in ${BOOK_REGION} yet.`);
  const want = `${hash[0]} (${hash[1]})${range ? ` and sort key ${range[0]} (${range[1]})` : ''}`;
  const h = keyOf(t, 'HASH');
  const r = keyOf(t, 'RANGE');
  if (h !== hash[0] || typeOf(t, h) !== hash[1] || (range ? r !== range[0] || typeOf(t, r) !== range[1] : r !== undefined))
    return failed(`${name} has the key ${h} (${typeOf(t, h)})${r ? ` and sort key ${r} (${typeOf(t, r)})` : ''}; the program needs partition key ${want}.`);
  if (t.TableStatus !== 'ACTIVE') return failed(`${name} is ${String(t.TableStatus)}; wait until it is ACTIVE.`);
  return passed(`${name} is ACTIVE with partition key ${want}.`);
}

/** Calls a program made with an AWS SDK and signed as mycli (the learner's nodetodo). */
const programCalls = (ctx: StepContext, operation: string, tableName: string): HistoryRow[] =>
  ctx.deps
    .history(ctx.chapterStartedAt)
    .filter((r) => r.service === 'dynamodb' && r.operation === operation && !r.errorCode && bySdk(r) && r.parameters?.TableName === tableName);

/** The uid of the item a PutItem wrote (the history keeps the request). */
const uidOf = (r: HistoryRow): string | undefined => str(((r.parameters?.Item as Obj | undefined)?.uid as Obj | undefined)?.S);

async function waitActive(ctx: StepContext, name: string, index?: string): Promise<void> {
  await waitFor(ctx, `${index ?? name} to be ACTIVE`, async () => {
    const t = await table(ctx, name);
    const status = index ? arr(t?.GlobalSecondaryIndexes).find((g) => g.IndexName === index)?.IndexStatus : t?.TableStatus;
    return status === 'ACTIVE' ? true : undefined;
  });
}

const nodetodo = (ctx: StepContext, ...args: string[]): Promise<string> => runChapterProgram(ctx, chapter13, PROGRAM, args);

export const chapter13: ChapterDefinition = {
  number: 13,
  slug: 'dynamodb',
  title: 'Programming for the NoSQL database service: DynamoDB',
  sections: '§13.3-§13.9',
  keeps: [],
  costs: [
    // 5 read and 5 write capacity units per table (and its index): $0.00013 per RCU-hour, $0.00065 per WCU-hour.
    { item: 'two tables and an index, 5 RCU and 5 WCU each', region: BOOK_REGION, pricePerHour: 0.0039, count: 3, hours: 1 },
  ],
  // The CLI configured as mycli (chapter 4): the tables are made with it, and nodetodo uses its key.
  prepare: (ctx) => prepareMycli(ctx),
  steps: [
    {
      id: 'user-table',
      title: 'The table todo-user',
      section: '§13.4.1',
      retiredBy: ['delete-tables'],
      needs: [{ op: 'dynamodb:DescribeTable' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'A user is found by its id: the table needs only a partition key, uid, a string.',
        'aws dynamodb create-table --table-name todo-user --attribute-definitions AttributeName=uid,AttributeType=S --key-schema AttributeName=uid,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5',
        'aws dynamodb describe-table --table-name todo-user --query Table.TableStatus until it says ACTIVE.',
      ],
      check: (ctx) => checkTable(ctx, USERS, ['uid', 'S']),
      async solve(ctx) {
        await typeOn(
          ctx,
          WORKSTATION,
          `aws dynamodb create-table --table-name ${USERS} --attribute-definitions AttributeName=uid,AttributeType=S --key-schema AttributeName=uid,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5`,
        );
        await waitActive(ctx, USERS);
        await typeOn(ctx, WORKSTATION, `aws dynamodb describe-table --table-name ${USERS} --query Table.TableStatus`);
      },
    },
    {
      id: 'task-table',
      title: 'The table todo-task',
      section: '§13.4.2',
      retiredBy: ['delete-tables'],
      needs: [{ op: 'dynamodb:DescribeTable' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'A user has many tasks: partition key uid (string) and sort key tid (a number, the time the task was made).',
        'aws dynamodb create-table --table-name todo-task --attribute-definitions AttributeName=uid,AttributeType=S AttributeName=tid,AttributeType=N --key-schema AttributeName=uid,KeyType=HASH AttributeName=tid,KeyType=RANGE --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5',
      ],
      check: (ctx) => checkTable(ctx, TASKS, ['uid', 'S'], ['tid', 'N']),
      async solve(ctx) {
        await typeOn(
          ctx,
          WORKSTATION,
          `aws dynamodb create-table --table-name ${TASKS} --attribute-definitions AttributeName=uid,AttributeType=S AttributeName=tid,AttributeType=N --key-schema AttributeName=uid,KeyType=HASH AttributeName=tid,KeyType=RANGE --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5`,
        );
        await waitActive(ctx, TASKS);
      },
    },
    {
      id: 'users',
      title: 'Users through nodetodo',
      section: '§13.5.1-§13.7.1',
      retiredBy: ['delete-tables'],
      needs: [{ op: 'dynamodb:GetItem' }],
      solveNeeds: [{ programs: true }, { machine: 'workstation' }],
      hints: [
        'nodetodo runs on your computer with mycli\'s key and the lab\'s endpoint (eval "$(nimbus env)", then mycli\'s key in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).',
        'node index.js user-add michael michael@example.com 0123456789, then node index.js user michael and node index.js user-ls',
      ],
      async check(ctx) {
        const puts = programCalls(ctx, 'PutItem', USERS);
        if (puts.length === 0) return failed(`nodetodo has not added a user yet (no PutItem on ${USERS} from an SDK signed as ${CLI_USER}).`);
        const uids = [...new Set(puts.map(uidOf).filter((u): u is string => !!u))];
        for (const uid of uids.reverse()) {
          const item = (await ctx.aws('dynamodb', 'GetItem', { TableName: USERS, Key: { uid: { S: uid } } }, BOOK_REGION)).Item as Obj | undefined;
          if (item) {
            const reads = programCalls(ctx, 'GetItem', USERS).length + programCalls(ctx, 'Scan', USERS).length;
            if (reads === 0) return failed(`nodetodo added ${uid}; now read it back with node index.js user ${uid} (or list with user-ls).`);
            return passed(`nodetodo added the user ${uid} to ${USERS} and read it back.`);
          }
        }
        return failed(`The users nodetodo added (${uids.join(', ')}) are no longer in ${USERS}: add michael again.`);
      },
      async solve(ctx) {
        await nodetodo(ctx, 'user-add', 'michael', 'michael@example.com', '0123456789');
        await nodetodo(ctx, 'user', 'michael');
      },
    },
    {
      id: 'tasks',
      title: 'Tasks through nodetodo',
      section: '§13.5.2-§13.8',
      retiredBy: ['delete-tables'],
      needs: [{ op: 'dynamodb:Query' }],
      solveNeeds: [{ programs: true }, { machine: 'workstation' }],
      hints: [
        'A task belongs to a user: its key is the user\'s uid and a tid nodetodo picks.',
        'node index.js task-add michael "plan lunch" dining --dueat=20150522, then node index.js task-ls michael, then node index.js task-done michael TID',
      ],
      async check(ctx) {
        if (programCalls(ctx, 'PutItem', TASKS).length === 0) return failed(`nodetodo has not added a task yet (no PutItem on ${TASKS} from ${CLI_USER}'s program).`);
        if (programCalls(ctx, 'Query', TASKS).filter((r) => !r.parameters?.IndexName).length === 0) return failed('nodetodo added a task; now list the user\'s tasks with task-ls.');
        const users = [...new Set(programCalls(ctx, 'PutItem', TASKS).map(uidOf).filter((u): u is string => !!u))];
        for (const uid of users) {
          const items = arr((await ctx.aws('dynamodb', 'Query', { TableName: TASKS, KeyConditionExpression: 'uid = :u', ExpressionAttributeValues: { ':u': { S: uid } } }, BOOK_REGION)).Items);
          const done = items.find((i) => i.completed);
          if (done) return passed(`${uid} has ${items.length} task(s) in ${TASKS}; task ${String((done.tid as Obj).N)} is done.`);
          if (items.length) return failed(`${uid} has ${items.length} task(s), none done yet: node index.js task-done ${uid} ${String((items[0]!.tid as Obj).N)}.`);
        }
        return failed(`The tasks nodetodo added are no longer in ${TASKS}.`);
      },
      async solve(ctx) {
        const added = await nodetodo(ctx, 'task-add', 'michael', 'plan lunch', 'dining', '--dueat=20150522');
        const tid = /tid (\d+)/.exec(added)?.[1];
        if (!tid) throw new Error(`task-add printed no tid: ${added.trim()}`);
        await nodetodo(ctx, 'task-ls', 'michael', '--overdue');
        await nodetodo(ctx, 'task-done', 'michael', tid);
      },
    },
    {
      id: 'category-index',
      title: 'Tasks by category: a global secondary index',
      section: '§13.6.3',
      retiredBy: ['delete-tables'],
      needs: [{ op: 'dynamodb:DescribeTable' }],
      solveNeeds: [{ programs: true }, { machine: 'workstation' }],
      hints: [
        'A query needs a partition key; to find tasks by category, add an index whose partition key is category.',
        'aws dynamodb update-table --table-name todo-task --attribute-definitions AttributeName=uid,AttributeType=S AttributeName=tid,AttributeType=N AttributeName=category,AttributeType=S --global-secondary-index-updates \'[{"Create": {"IndexName": "category-index", "KeySchema": [{"AttributeName": "category", "KeyType": "HASH"}, {"AttributeName": "tid", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}}]\'',
        'Wait until aws dynamodb describe-table --table-name todo-task --query "Table.GlobalSecondaryIndexes" shows it ACTIVE, then node index.js task-la dining',
      ],
      async check(ctx) {
        const t = await table(ctx, TASKS);
        if (!t) return failed(`There is no table ${TASKS}.`);
        const gsi = arr(t.GlobalSecondaryIndexes).find((g) => g.IndexName === INDEX);
        if (!gsi) return failed(`${TASKS} has no index named ${INDEX} yet.`);
        if (keyOf(gsi, 'HASH') !== 'category') return failed(`${INDEX} is keyed on ${String(keyOf(gsi, 'HASH'))}; it needs the partition key category.`);
        if (gsi.IndexStatus !== 'ACTIVE') return failed(`${INDEX} is ${String(gsi.IndexStatus)}; it can be queried once it is ACTIVE.`);
        const asked = programCalls(ctx, 'Query', TASKS).filter((r) => r.parameters?.IndexName === INDEX);
        if (asked.length === 0) return failed(`${INDEX} is ACTIVE; now ask it for a category with node index.js task-la CATEGORY.`);
        return passed(`${INDEX} is ACTIVE and nodetodo found tasks by category with it.`);
      },
      async solve(ctx) {
        await typeOn(
          ctx,
          WORKSTATION,
          `aws dynamodb update-table --table-name ${TASKS} --attribute-definitions AttributeName=uid,AttributeType=S AttributeName=tid,AttributeType=N AttributeName=category,AttributeType=S --global-secondary-index-updates '[{"Create": {"IndexName": "${INDEX}", "KeySchema": [{"AttributeName": "category", "KeyType": "HASH"}, {"AttributeName": "tid", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}}]'`,
        );
        await waitActive(ctx, TASKS, INDEX);
        await typeOn(ctx, WORKSTATION, `aws dynamodb describe-table --table-name ${TASKS} --query "Table.GlobalSecondaryIndexes"`);
        await nodetodo(ctx, 'task-la', 'dining');
      },
    },
    {
      id: 'capacity',
      title: 'What a read costs',
      section: '§13.9.1',
      needs: [],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'DynamoDB says what a request consumed when you ask it to: an eventually consistent read of a small item costs half a unit, a strongly consistent one a whole unit.',
        'aws dynamodb get-item --table-name todo-user --key \'{"uid": {"S": "michael"}}\' --return-consumed-capacity TOTAL --query ConsumedCapacity, then the same with --consistent-read',
      ],
      async check(ctx) {
        const gets = ctx.deps
          .history(ctx.chapterStartedAt)
          .filter((r) => r.service === 'dynamodb' && r.operation === 'GetItem' && !r.errorCode && r.parameters?.ReturnConsumedCapacity === 'TOTAL');
        if (gets.length === 0) return failed('You have not asked DynamoDB what a read consumes yet (get-item with --return-consumed-capacity TOTAL).');
        if (!gets.some((r) => r.parameters?.ConsistentRead === true)) return failed('Now read the same item with --consistent-read and compare the units.');
        if (!gets.some((r) => r.parameters?.ConsistentRead !== true)) return failed('Now read the same item without --consistent-read and compare the units.');
        return passed('You compared an eventually consistent read (0.5 units) with a strongly consistent one (1 unit).');
      },
      async solve(ctx) {
        const base = `aws dynamodb get-item --table-name ${USERS} --key '{"uid": {"S": "michael"}}' --return-consumed-capacity TOTAL --query ConsumedCapacity`;
        await typeOn(ctx, WORKSTATION, base);
        await typeOn(ctx, WORKSTATION, `${base} --consistent-read`);
      },
    },
    {
      id: 'delete-tables',
      title: 'Delete the tables',
      section: '§13.9',
      needs: [{ op: 'dynamodb:ListTables' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['DynamoDB > Tables > select todo-user and todo-task > Delete (or aws dynamodb delete-table --table-name …).'],
      async check(ctx) {
        if (!ctx.hasPassed('user-table') && !ctx.hasPassed('task-table')) return failed('Create the tables first.');
        const names = arr((await ctx.aws('dynamodb', 'ListTables', {}, BOOK_REGION)).TableNames as unknown).map(String);
        const left = [USERS, TASKS].filter((n) => names.includes(n));
        if (left.length) return failed(`Still there: ${left.join(', ')}.`);
        return passed('Both tables are gone.');
      },
      async solve(ctx) {
        for (const name of [USERS, TASKS]) if (await table(ctx, name)) await typeOn(ctx, WORKSTATION, `aws dynamodb delete-table --table-name ${name} --query TableDescription.TableStatus`);
      },
    },
  ],
  async cleanup(ctx) {
    if (!ctx.deps.hasOperation('dynamodb', 'DeleteTable')) return;
    for (const name of [USERS, TASKS]) if (await table(ctx, name)) await ctx.console('dynamodb', 'DeleteTable', { TableName: name }, BOOK_REGION);
    await waitFor(ctx, 'the tables to be deleted', async () => ((await table(ctx, USERS)) || (await table(ctx, TASKS)) ? undefined : true));
  },
};
