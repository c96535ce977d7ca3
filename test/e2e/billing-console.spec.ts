/**
 * §1.9 through the console: turn on billing alerts, create the $5 billing alarm with a new topic and
 * an e-mail subscriber, confirm the subscription from the Mailbox, spend past $5 (three m5.4xlarge
 * instances at warp), and the ALARM mail arrives in the Mailbox. The alarm uses 1-hour periods so the
 * lab's warp reaches the end of a period in seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AWS from 'aws-sdk';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab({ warp: 1200 });
  page = lab.page;
});
afterAll(async () => lab?.close());

describe('Billing console and the $5 billing alarm (§1.9)', () => {
  it('creates the billing alarm with an e-mail subscription and confirms it from the Mailbox', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/billing');
    await page.getByRole('heading', { name: 'Billing dashboard' }).waitFor();
    await page.locator('[data-test="billing-total"]').waitFor();
    expect(await page.locator('[data-test="create-billing-alarm"]').isDisabled()).toBe(true);
    await page.locator('[data-test="receive-billing-alerts"]').check();
    await page.locator('[data-test="create-billing-alarm"]').click();

    await page.getByRole('heading', { name: 'Create alarm' }).waitFor();
    expect(await page.locator('[data-test="alarm-namespace"]').inputValue()).toBe('AWS/Billing');
    expect(await page.locator('[data-test="alarm-dimensions"]').inputValue()).toBe('Currency=USD');
    expect(await page.locator('[data-test="alarm-threshold"]').inputValue()).toBe('5');
    await page.locator('[data-test="alarm-period"]').selectOption('3600');
    await page.locator('[data-test="alarm-emails"]').fill('learner@example.com');
    await page.locator('[data-test="alarm-name"]').fill('billing-5');
    await lab.shoot('billing-01-create-alarm');
    await page.locator('[data-test="create-alarm-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Alarm billing-5 created' }).waitFor();
    await page.getByRole('heading', { name: 'billing-5' }).waitFor();

    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/mailbox');
    await page.locator('[data-test="mailbox-unread"]').filter({ hasText: '1 unread' }).waitFor();
    await page.locator('[data-test="mail-row"]', { hasText: 'Subscription Confirmation' }).click();
    await page.locator('[data-test="confirm-from-mail"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Subscription confirmed' }).waitFor();
    expect(await page.locator('[data-test="mailbox-unread"]').count()).toBe(0);
  });

  it('mails the ALARM once the charges pass $5', async () => {
    const ec2 = new AWS.EC2({
      endpoint: lab.endpoint,
      region: 'us-east-1',
      credentials: new AWS.Credentials(lab.credentials().accessKeyId, lab.credentials().secretAccessKey),
    });
    await ec2.runInstances({ ImageId: 'ami-6057e21a', InstanceType: 'm5.4xlarge', MinCount: 3, MaxCount: 3 }).promise();
    await page.locator('[data-test="mail-row"]', { hasText: 'ALARM: "billing-5"' }).waitFor({ timeout: 45_000 });
    await page.locator('[data-test="mail-row"]', { hasText: 'ALARM: "billing-5"' }).click();
    const body = (await page.locator('[data-test="mail-open"]').textContent()) ?? '';
    expect(body).toContain('billing-5');
    expect(body).toContain('EstimatedCharges');
    await lab.shoot('billing-02-alarm-mail');

    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/cloudwatch/alarms');
    const row = page.locator('[data-test="alarm-row"][data-alarm="billing-5"]');
    await row.waitFor();
    // The alarms list shows the learner's region (us-east-1 here, where billing metrics live).
    expect(await row.locator('[data-test="alarm-state"]').getAttribute('data-state')).toBe('ALARM');
    await row.getByRole('link', { name: 'billing-5' }).click();
    await page.locator('[data-test="history-row"][data-type="StateUpdate"]').first().waitFor();
    await page.locator('[data-test="history-row"][data-type="Action"]').first().waitFor();
  });
});
