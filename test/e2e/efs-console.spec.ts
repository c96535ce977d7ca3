/**
 * The EFS console in Chromium: the navigation finds it, a file system is created from the form,
 * its row shows the state and metered size, and its details show the network tab (no mount targets
 * yet) and the Attach commands with its DNS name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab();
  page = lab.page;
});
afterAll(async () => lab?.close());

const rowIds = () => page.locator('[data-test="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

describe('EFS console', () => {
  it('creates a file system and shows how to attach it', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/efs/file-systems');
    await page.getByRole('heading', { name: /File systems/ }).waitFor();
    await page.locator('nav.side-nav').getByText('File systems').waitFor();
    await page.locator('[data-test="create"]').click();
    await page.getByLabel('Name').first().fill('shared-home');
    await page.locator('[data-test="action-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: /Creating file system fs-[0-9a-f]{17}/ }).waitFor();
    const id = await lab.waitFor('file system row', async () => (await rowIds()).find((x) => x?.startsWith('fs-')) ?? undefined, 10_000);
    await page.locator(`[data-test="resource-row"][data-id="${id}"]`).click();
    await page.locator('[data-test="details"]').getByText('generalPurpose').first().waitFor();
    await page.locator('[data-test="no-mount-targets"]').waitFor();
    expect(await page.locator('[data-test="efs-dns"]').textContent()).toBe(`${id}.efs.us-east-1.amazonaws.com`);
    expect(await page.locator('[data-test="attach-command"]').count()).toBe(3);
    expect(await page.locator('[data-test="attach-command"]').first().textContent()).toContain(`sudo mount -t nfs4 -o nfsvers=4.1`);
    await lab.shoot('efs-01-file-system');
    expect(await page.locator('.crumbs').textContent()).toContain('EFS');
  });
});
