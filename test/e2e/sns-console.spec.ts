/**
 * The SNS console and the lab's Mailbox: create a topic, subscribe an e-mail address, confirm it from
 * the confirmation mail, publish a message and read it in the Mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;
const go = (hash: string) => page.goto(lab.consoleUrl.replace(/#.*$/, '') + hash);

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
});
afterAll(async () => lab?.close());

describe('SNS console and Mailbox', () => {
  it('subscribes an address, confirms it from the Mailbox and delivers a published message', async () => {
    await go('#/sns/topics');
    await page.getByText('No topics.').waitFor();
    await page.locator('[data-test="new-topic"]').fill('orders');
    await page.locator('[data-test="create-topic"]').click();
    await page.locator('[data-test="topic-row"][data-name="orders"]').getByRole('link', { name: 'orders' }).click();

    await page.locator('[data-test="subscription-endpoint"]').fill('ops@example.com');
    await page.locator('[data-test="create-subscription"]').click();
    const status = page.locator(
      '[data-test="subscription-row"][data-endpoint="ops@example.com"] [data-test="subscription-status"]',
    );
    await status.filter({ hasText: 'Pending confirmation' }).waitFor();

    await go('#/mailbox');
    await page.locator('[data-test="mail-row"]', { hasText: 'Subscription Confirmation' }).click();
    await page.locator('[data-test="mail-link"]', { hasText: 'confirmation.html' }).click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Subscription confirmed' }).waitFor();

    await go('#/sns/subscriptions');
    await page
      .locator('[data-test="subscription-row"][data-endpoint="ops@example.com"] [data-test="subscription-status"]')
      .filter({ hasText: 'Confirmed' })
      .waitFor();
    await go('#/sns/topics');
    await page.locator('[data-test="topic-row"][data-name="orders"]').getByRole('link', { name: 'orders' }).click();
    await page.locator('[data-test="publish-subject"]').fill('New order');
    await page.locator('[data-test="publish-message"]').fill('Order 42 was placed.');
    await page.locator('[data-test="publish"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Message published' }).waitFor();

    await go('#/mailbox');
    await page.locator('[data-test="mail-row"][data-subject="New order"]').click();
    expect(await page.locator('[data-test="mail-open"]').textContent()).toContain('Order 42 was placed.');
    await lab.shoot('sns-01-mailbox');
  });
});
