/**
 * Chapter 13's checks see what a program signed as mycli did to the tables, and the tables' own
 * state: the same writes from the CLI or from the root user do not count for nodetodo's steps, a
 * wrong key schema is named, and undoing an item or a table turns its step red again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { createClock } from '../../../src-main/engine/clock/clock';
import { labsFor } from '../../../src-main/engine/contract-host';
import { labMachines } from '../../../src-main/engine/contract-host/lab-machines';
import { startInProcessLab, type InProcessLab } from '../../helpers/inproc-lab';

let lab: InProcessLab | undefined;
afterEach(async () => {
  if (lab) labsFor(lab.engine).dispose();
  await lab?.stop();
  lab = undefined;
});

describe('chapter 13: tables, nodetodo and capacity', () => {
  it('turns each step red again when its work is undone or done by the wrong hand', async () => {
    lab = await startInProcessLab({ clock: createClock({ warp: 0, start: Date.parse('2026-03-01T09:00:00Z') }) });
    const l = lab;
    const labs = labsFor(l.engine, { recheckDelayMs: 0 });
    await labs.start(13);
    const step = async (id: string) => (await labs.evaluate(13)).steps.find((s) => s.id === id)!;
    const root = (op: string, input: Record<string, unknown>) => l.engine.call(l.engine.account.root, 'dynamodb', op, input, { region: 'us-east-1', source: 'cli' });
    const settle = () => {
      for (let i = 0; i < 60; i++) l.engine.clock.advance(5_000);
    };
    // The prepared workstation acts as mycli; nodetodo would use the same key.
    const m = labMachines(l.engine.terminals);
    const key = async (k: string) => (await m.run({ kind: 'workstation' }, `aws configure get ${k}`)).stdout.trim();
    const db = new AWS.DynamoDB({
      endpoint: l.endpoint,
      region: 'us-east-1',
      credentials: new AWS.Credentials({ accessKeyId: await key('aws_access_key_id'), secretAccessKey: await key('aws_secret_access_key') }),
    });
    m.dispose();

    // A key of the wrong type is named.
    await root('CreateTable', { TableName: 'todo-user', AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'N' }], KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }], ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
    settle();
    expect(await step('user-table')).toMatchObject({ status: 'failed', detail: 'todo-user has the key uid (N); the program needs partition key uid (S).' });
    await root('DeleteTable', { TableName: 'todo-user' });
    settle();
    await root('CreateTable', { TableName: 'todo-user', AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }], ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
    await root('CreateTable', {
      TableName: 'todo-task',
      AttributeDefinitions: [{ AttributeName: 'uid', AttributeType: 'S' }, { AttributeName: 'tid', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'uid', KeyType: 'HASH' }, { AttributeName: 'tid', KeyType: 'RANGE' }],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    });
    settle();
    expect((await step('user-table')).status).toBe('passed');
    expect((await step('task-table')).status).toBe('passed');

    // A user written by the CLI is not nodetodo's work.
    await root('PutItem', { TableName: 'todo-user', Item: { uid: { S: 'cli' }, email: { S: 'c@example.com' }, phone: { S: '1' } } });
    expect(await step('users')).toMatchObject({ status: 'failed', detail: 'nodetodo has not added a user yet (no PutItem on todo-user from an SDK signed as mycli).' });
    await db.putItem({ TableName: 'todo-user', Item: { uid: { S: 'michael' }, email: { S: 'm@example.com' }, phone: { S: '0' } } }).promise();
    expect(await step('users')).toMatchObject({ status: 'failed', detail: 'nodetodo added michael; now read it back with node index.js user michael (or list with user-ls).' });
    await db.getItem({ TableName: 'todo-user', Key: { uid: { S: 'michael' } } }).promise();
    expect(await step('users')).toMatchObject({ status: 'passed', detail: 'nodetodo added the user michael to todo-user and read it back.' });
    await root('DeleteItem', { TableName: 'todo-user', Key: { uid: { S: 'michael' } } });
    expect(await step('users')).toMatchObject({ status: 'failed', detail: 'The users nodetodo added (michael) are no longer in todo-user: add michael again.' });

    await db.putItem({ TableName: 'todo-task', Item: { uid: { S: 'michael' }, tid: { N: '1' }, description: { S: 'plan lunch' }, category: { S: 'dining' }, created: { N: '20260301' } } }).promise();
    expect(await step('tasks')).toMatchObject({ status: 'failed', detail: "nodetodo added a task; now list the user's tasks with task-ls." });
    await db.query({ TableName: 'todo-task', KeyConditionExpression: 'uid = :u', ExpressionAttributeValues: { ':u': { S: 'michael' } } }).promise();
    expect(await step('tasks')).toMatchObject({ status: 'failed', detail: 'michael has 1 task(s), none done yet: node index.js task-done michael 1.' });
    await db.updateItem({ TableName: 'todo-task', Key: { uid: { S: 'michael' }, tid: { N: '1' } }, UpdateExpression: 'SET completed = :d', ExpressionAttributeValues: { ':d': { N: '20260301' } } }).promise();
    expect((await step('tasks')).status).toBe('passed');

    expect(await step('category-index')).toMatchObject({ status: 'failed', detail: 'todo-task has no index named category-index yet.' });
    await root('UpdateTable', {
      TableName: 'todo-task',
      AttributeDefinitions: [{ AttributeName: 'category', AttributeType: 'S' }, { AttributeName: 'tid', AttributeType: 'N' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'category-index', KeySchema: [{ AttributeName: 'category', KeyType: 'HASH' }, { AttributeName: 'tid', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } } }],
    });
    settle();
    expect(await step('category-index')).toMatchObject({ status: 'failed', detail: 'category-index is ACTIVE; now ask it for a category with node index.js task-la CATEGORY.' });
    await db.query({ TableName: 'todo-task', IndexName: 'category-index', KeyConditionExpression: 'category = :c', ExpressionAttributeValues: { ':c': { S: 'dining' } } }).promise();
    expect((await step('category-index')).status).toBe('passed');

    await root('GetItem', { TableName: 'todo-user', Key: { uid: { S: 'cli' } }, ReturnConsumedCapacity: 'TOTAL' });
    expect(await step('capacity')).toMatchObject({ status: 'failed', detail: 'Now read the same item with --consistent-read and compare the units.' });
    await root('GetItem', { TableName: 'todo-user', Key: { uid: { S: 'cli' } }, ReturnConsumedCapacity: 'TOTAL', ConsistentRead: true });
    expect((await step('capacity')).status).toBe('passed');

    expect(await step('delete-tables')).toMatchObject({ status: 'failed', detail: 'Still there: todo-user, todo-task.' });
    await root('DeleteTable', { TableName: 'todo-user' });
    await root('DeleteTable', { TableName: 'todo-task' });
    settle();
    const end = await labs.evaluate(13);
    expect(end.steps.find((s) => s.id === 'delete-tables')!.status).toBe('passed');
    // The book had the learner delete the tables: what was built before stays done.
    expect(end.steps.filter((s) => s.status !== 'passed').map((s) => s.id)).toEqual([]);
  }, 60_000);
});
