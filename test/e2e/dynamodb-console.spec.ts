/**
 * The DynamoDB console end to end (§13.4–13.7): create a table, wait for ACTIVE, create an item in
 * plain JSON, see it in DynamoDB JSON, edit it, query it, change capacity, and delete the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

// Tables become ACTIVE after 5 simulated seconds: warp 10 keeps that to half a second.
beforeAll(async () => {
  lab = await startE2eLab({ warp: 10 });
  page = lab.page;
});
afterAll(async () => lab?.close());

const flash = (text: string) => page.locator('[data-test="flash"]').filter({ hasText: text }).waitFor();

describe('DynamoDB console', () => {
  it('creates a table and writes, edits and queries an item', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/dynamodb/tables');
    await page.getByText('No tables in this region yet.').waitFor();
    await page.locator('[data-test="create-table"]').click();
    await page.getByLabel('Table name').fill('todo-task');
    await page.locator('#partition-key').fill('uid');
    await page.locator('#sort-key').fill('tid');
    await page.getByLabel('Sort key type').selectOption('N');
    await page.locator('[data-test="create-table-submit"]').click();
    await flash('Table todo-task is being created.');
    await page.locator('[data-test="table-status"]').filter({ hasText: 'ACTIVE' }).waitFor({ timeout: 20_000 });

    await page.locator('[data-test="tab-Explore items"]').click();
    await page.locator('[data-test="create-item"]').click();
    await page.locator('[data-test="format-plain"]').check();
    await page.locator('[data-test="item-text"]').fill('{"uid": "michael", "tid": 1, "description": "book flight", "tags": ["travel"]}');
    await page.locator('[data-test="save-item"]').click();
    await flash('Item created.');
    await page.locator('[data-test="item-row"]').first().waitFor();
    expect(await page.locator('[data-test="item-row"]').first().textContent()).toContain('book flight');

    await page.locator('[data-test="edit-item"]').first().click();
    await page.locator('[data-test="format-dynamodb"]').check();
    const text = await page.locator('[data-test="item-text"]').inputValue();
    expect(JSON.parse(text)).toEqual({ uid: { S: 'michael' }, tid: { N: '1' }, description: { S: 'book flight' }, tags: { L: [{ S: 'travel' }] } });
    await page.locator('[data-test="item-text"]').fill(text.replace('book flight', 'book hotel'));
    await page.locator('[data-test="save-item"]').click();
    await flash('Item saved.');
    await lab.shoot('dynamodb-01-items');

    const db = new DynamoDBClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials() });
    const got = await db.send(new GetItemCommand({ TableName: 'todo-task', Key: { uid: { S: 'michael' }, tid: { N: '1' } } }));
    expect(got.Item?.description).toEqual({ S: 'book hotel' });

    await page.locator('[data-test="mode-query"]').check();
    await page.locator('[data-test="pk-value"]').fill('nobody');
    await page.locator('[data-test="run-read"]').click();
    await page.locator('[data-test="read-summary"]').filter({ hasText: '0 items returned' }).waitFor();
    await page.locator('[data-test="pk-value"]').fill('michael');
    await page.locator('[data-test="sk-op"]').selectOption('>=');
    await page.locator('[data-test="sk-value"]').fill('1');
    await page.locator('[data-test="run-read"]').click();
    await page.locator('[data-test="read-summary"]').filter({ hasText: '1 items returned' }).waitFor();
  });

  it('turns the stream on, changes provisioned capacity, shows monitoring and deletes the table', async () => {
    await page.locator('[data-test="tab-Overview"]').click();
    await page.locator('[data-test="stream-on"]').click();
    await flash('Stream turned on (NEW_AND_OLD_IMAGES).');
    await page.locator('[data-test="table-stream"]').filter({ hasText: '/stream/' }).waitFor();
    await page.locator('[data-test="table-status"]').filter({ hasText: 'ACTIVE' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-test="tab-Capacity"]').click();
    await page.locator('[data-test="edit-rcu"]').fill('10');
    await page.locator('[data-test="save-capacity"]').click();
    await flash('Capacity is being updated.');
    await page.locator('[data-test="tab-Monitoring"]').click();
    await page.locator('[data-test="table-monitoring"]').waitFor();
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/dynamodb/tables');
    const row = page.locator('[data-test="table-row"][data-name="todo-task"]');
    await row.waitFor();
    await lab.waitFor('table ACTIVE again', async () => ((await row.locator('[data-test="table-status"]').textContent()) === 'ACTIVE' ? true : undefined), 20_000);
    await page.getByLabel('Select todo-task').check();
    await page.locator('[data-test="delete-table"]').click();
    await page.locator('[data-test="delete-table-confirm"]').click();
    await flash('Table todo-task is being deleted.');
    await page.getByText('No tables in this region yet.').waitFor();
  });
});
