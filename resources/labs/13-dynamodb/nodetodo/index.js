#!/usr/bin/env node
// Nimbus Lab's to-do list on DynamoDB, with the commands of the book's nodetodo (chapter 13) and the
// low-level DynamoDB API of the AWS SDK for JavaScript (aws-sdk v2). Written for the lab.
//
//   node index.js user-add <uid> <email> <phone>
//   node index.js user-rm <uid>
//   node index.js user-ls [--limit=<n>] [--next=<uid>]
//   node index.js user <uid>
//   node index.js task-add <uid> <description> [<category>] [--dueat=<yyyymmdd>]
//   node index.js task-rm <uid> <tid>
//   node index.js task-ls <uid> [<category>] [--overdue|--due|--withoutdue|--futuredue]
//   node index.js task-la <category> [--overdue|--due|--withoutdue|--futuredue]
//   node index.js task-done <uid> <tid>
//
// Tables: todo-user (uid) and todo-task (uid, tid); task-la needs the index category-index.
'use strict';
const AWS = require('aws-sdk');

const db = new AWS.DynamoDB({ region: process.env.AWS_REGION || 'us-east-1' });

const words = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const options = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const eq = a.indexOf('=');
      return eq < 0 ? [a.slice(2), true] : [a.slice(2, eq), a.slice(eq + 1)];
    }),
);

const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

function user(item) {
  return { uid: item.uid.S, email: item.email.S, phone: item.phone.S };
}

function task(item) {
  const t = { tid: Number(item.tid.N), description: item.description.S, created: item.created.N };
  if (item.category) t.category = item.category.S;
  if (item.due) t.due = item.due.N;
  if (item.completed) t.completed = item.completed.N;
  return t;
}

/** The due-date filters of task-ls and task-la, as a FilterExpression. */
function dueFilter(params) {
  const now = { ':now': { N: today() } };
  if (options.has('overdue')) Object.assign(params, { FilterExpression: 'due < :now', ExpressionAttributeValues: { ...params.ExpressionAttributeValues, ...now } });
  else if (options.has('due')) Object.assign(params, { FilterExpression: 'due = :now', ExpressionAttributeValues: { ...params.ExpressionAttributeValues, ...now } });
  else if (options.has('futuredue')) Object.assign(params, { FilterExpression: 'due > :now', ExpressionAttributeValues: { ...params.ExpressionAttributeValues, ...now } });
  else if (options.has('withoutdue')) Object.assign(params, { FilterExpression: 'attribute_not_exists(due)' });
  return params;
}

const commands = {
  async 'user-add'(uid, email, phone) {
    await db
      .putItem({ TableName: 'todo-user', Item: { uid: { S: uid }, email: { S: email }, phone: { S: phone } }, ConditionExpression: 'attribute_not_exists(uid)' })
      .promise();
    console.log('user added');
  },
  async 'user-rm'(uid) {
    await db.deleteItem({ TableName: 'todo-user', Key: { uid: { S: uid } } }).promise();
    console.log('user removed');
  },
  async 'user-ls'() {
    const params = { TableName: 'todo-user', Limit: Number(options.get('limit') || 10) };
    if (options.has('next')) params.ExclusiveStartKey = { uid: { S: options.get('next') } };
    const out = await db.scan(params).promise();
    console.log(JSON.stringify({ users: out.Items.map(user), next: out.LastEvaluatedKey ? out.LastEvaluatedKey.uid.S : undefined }, null, 2));
  },
  async user(uid) {
    const out = await db.getItem({ TableName: 'todo-user', Key: { uid: { S: uid } } }).promise();
    if (!out.Item) throw new Error(`no user ${uid}`);
    console.log(JSON.stringify(user(out.Item), null, 2));
  },
  async 'task-add'(uid, description, category) {
    const tid = Date.now();
    const item = { uid: { S: uid }, tid: { N: String(tid) }, description: { S: description }, created: { N: today() } };
    if (category) item.category = { S: category };
    if (options.has('dueat')) item.due = { N: String(options.get('dueat')) };
    await db.putItem({ TableName: 'todo-task', Item: item, ConditionExpression: 'attribute_not_exists(uid) and attribute_not_exists(tid)' }).promise();
    console.log(`task added with tid ${tid}`);
  },
  async 'task-rm'(uid, tid) {
    await db.deleteItem({ TableName: 'todo-task', Key: { uid: { S: uid }, tid: { N: tid } } }).promise();
    console.log('task removed');
  },
  async 'task-ls'(uid, category) {
    const params = { TableName: 'todo-task', KeyConditionExpression: 'uid = :uid', ExpressionAttributeValues: { ':uid': { S: uid } } };
    dueFilter(params);
    if (category) {
      params.FilterExpression = params.FilterExpression ? `(${params.FilterExpression}) and category = :category` : 'category = :category';
      params.ExpressionAttributeValues = { ...params.ExpressionAttributeValues, ':category': { S: category } };
    }
    const out = await db.query(params).promise();
    console.log(JSON.stringify({ tasks: out.Items.map(task) }, null, 2));
  },
  async 'task-la'(category) {
    const params = dueFilter({
      TableName: 'todo-task',
      IndexName: 'category-index',
      KeyConditionExpression: 'category = :category',
      ExpressionAttributeValues: { ':category': { S: category } },
    });
    const out = await db.query(params).promise();
    console.log(JSON.stringify({ tasks: out.Items.map(task) }, null, 2));
  },
  async 'task-done'(uid, tid) {
    await db
      .updateItem({
        TableName: 'todo-task',
        Key: { uid: { S: uid }, tid: { N: tid } },
        UpdateExpression: 'SET completed = :yyyymmdd',
        ConditionExpression: 'attribute_exists(uid)',
        ExpressionAttributeValues: { ':yyyymmdd': { N: today() } },
      })
      .promise();
    console.log('task completed');
  },
};

const [command, ...args] = words;
const need = { 'user-add': 3, 'user-rm': 1, user: 1, 'task-add': 2, 'task-rm': 2, 'task-ls': 1, 'task-la': 1, 'task-done': 2 };
if (!commands[command] || args.length < (need[command] || 0)) {
  console.error('usage: see the comment at the top of index.js (user-add, user-rm, user-ls, user, task-add, task-rm, task-ls, task-la, task-done)');
  process.exit(2);
}
commands[command](...args).catch((err) => {
  console.error(`${err.code || 'Error'}: ${err.message}`);
  process.exit(1);
});
