/**
 * The IAM console end to end (§4.2.3): create user `mycli` with an access key, see the secret once
 * and download IAM's .csv, attach AdministratorAccess, prove the downloaded keys work through the
 * AWS SDK (STS GetCallerIdentity names the user), then delete the user.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab();
  page = lab.page;
});
afterAll(async () => lab?.close());

const userRows = () => page.locator('[data-test="user-row"] td.name').allTextContents();

describe('IAM console', () => {
  it('creates mycli with an access key and downloads the .csv', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/iam/users');
    await page.getByText('No users yet').waitFor();
    await page.locator('[data-test="create-user"]').click();
    await page.getByLabel('User name').fill('mycli');
    await page.locator('[data-test="create-user-submit"]').click();
    await page.locator('[data-test="new-access-key"]').waitFor();
    const shownId = (await page.locator('[data-test="access-key-id"]').textContent()) ?? '';
    expect(shownId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('mycli_accessKeys.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('Access key ID,Secret access key');
    const [id, secret] = (csv[1] ?? '').split(',');
    expect(id).toBe(shownId);
    await lab.shoot('iam-01-access-key');
    await page.getByRole('button', { name: 'Done' }).click();
    await lab.waitFor('user row', async () => ((await userRows()).includes('mycli') ? true : undefined), 10_000);

    await page.getByLabel('Select mycli').check();
    await page.locator('[data-test="attach-policy"]').click();
    await page.locator('[data-test="policy-select"] option', { hasText: /^AdministratorAccess$/ }).waitFor({ state: 'attached' });
    await page.locator('[data-test="policy-select"]').selectOption({ label: 'AdministratorAccess' });
    await page.locator('[data-test="attach-policy-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Policy AdministratorAccess attached to mycli.' }).waitFor();

    const sts = new STSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: { accessKeyId: id!, secretAccessKey: secret! } });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toMatch(/:user\/mycli$/);
  });

  it('deletes the user with its key and policy', async () => {
    await page.getByLabel('Select mycli').check();
    await page.locator('[data-test="delete-user"]').click();
    await page.locator('[data-test="delete-user-confirm"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'User mycli deleted.' }).waitFor();
    await page.getByText('No users yet').waitFor();
    await page.getByRole('link', { name: 'User groups' }).click();
    await page.locator('[data-test="groups-table"]').getByText('No user groups yet.').waitFor();
  });
});
