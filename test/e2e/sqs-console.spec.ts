/**
 * The SQS console end to end (§15.2): create a queue, send a message from "Send and receive
 * messages", poll it back, read its body, delete it, and see the counters; a queue made through the
 * SDK shows up with its counters; purge and delete from the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab();
  page = lab.page;
});
afterAll(async () => lab?.close());

const flash = (text: string) => page.locator('[data-test="flash"]').filter({ hasText: text }).waitFor();

describe('SQS console', () => {
  it('creates a queue, sends, polls, views and deletes a message', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/sqs/queues');
    await page.getByText('No queues in this region yet.').waitFor();
    await page.locator('[data-test="create-queue"]').click();
    await page.getByLabel('Name', { exact: true }).fill('url2png');
    await page.locator('[data-test="visibility-timeout"]').fill('60');
    await page.locator('[data-test="create-queue-submit"]').click();
    await flash('Queue url2png created.');
    await page.locator('[data-test="queue-name"]').filter({ hasText: 'url2png' }).waitFor();
    expect(await page.locator('[data-test="queue-details"]').textContent()).toContain('1 minute');
    await lab.shoot('sqs-01-queue');

    await page.locator('[data-test="send-receive"]').click();
    await page.locator('[data-test="message-body"]').fill('{"id":"1","url":"https://example.com"}');
    await page.locator('[data-test="send-message"]').click();
    await flash('Message sent.');
    await page.locator('[data-test="poll-messages"]').click();
    await page.locator('[data-test="message-row"]').first().waitFor();
    await page.locator('[data-test="message-row"] a').first().click();
    expect(await page.locator('[data-test="message-view-body"]').textContent()).toBe('{"id":"1","url":"https://example.com"}');
    await lab.shoot('sqs-02-received');
    await page.locator('[data-test="delete-message"]').first().click();
    await flash('deleted.');
    expect(await page.locator('[data-test="message-row"]').count()).toBe(0);
  });

  it('lists a queue the SDK filled with its counters, purges it and deletes it', async () => {
    const sqs = new SQSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials() });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }));
    for (let i = 0; i < 3; i++) await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `job ${i}` }));
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/sqs/queues');
    const row = page.locator('[data-test="queue-row"][data-name="jobs"]');
    await row.waitFor();
    expect(await row.locator('[data-test="available"]').textContent()).toBe('3');
    await page.getByLabel('Select jobs').check();
    await page.locator('[data-test="purge-queue"]').click();
    await page.locator('[data-test="purge-confirm"]').click();
    await flash('Queue jobs purged.');
    await lab.waitFor('purged counter', async () => ((await row.locator('[data-test="available"]').textContent()) === '0' ? true : undefined), 10_000);
    await page.getByLabel('Select jobs').check();
    await page.locator('[data-test="delete-queue"]').click();
    await page.locator('[data-test="delete-confirm"]').click();
    await flash('Queue jobs deleted.');
    await lab.waitFor('row gone', async () => ((await row.count()) === 0 ? true : undefined), 10_000);
  });
});
