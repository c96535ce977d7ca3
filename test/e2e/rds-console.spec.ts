/**
 * The RDS console end to end (§11.1): the Create database form makes a PostgreSQL database (warp 60,
 * so "creating" lasts seconds), its page shows the endpoint and port and its creation events, the
 * Actions menu takes a snapshot, and the Snapshots page lists it with its status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
});
afterAll(async () => lab?.close());

describe('RDS console', () => {
  it('creates a database from the form and shows its endpoint and events', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/rds');
    await page.getByRole('heading', { name: /Databases/ }).waitFor();
    await page.getByText('No databases yet').waitFor();
    await page.locator('[data-test="create-db"]').click();
    await page.locator('[data-test="engine-postgres"]').check();
    await page.locator('[data-test="db-id"]').fill('console-db');
    await page.locator('[data-test="master-username"]').fill('master');
    await page.locator('[data-test="master-password"]').fill('master-secret');
    await page.locator('[data-test="master-password-confirm"]').fill('master-secret');
    await page.locator('[data-test="create-db-submit"]').click();
    await page.getByRole('heading', { name: 'console-db' }).waitFor();
    await page.locator('[data-test="db-summary"] [data-state="available"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-test="tab-connectivity"]').click();
    await page.getByText(/console-db\.[a-z0-9]{12}\.us-east-1\.rds\.amazonaws\.com/).waitFor({ timeout: 30_000 });
    expect(await page.content()).toContain('5432');
    await page.locator('[data-test="tab-events"]').click();
    await page.locator('[data-test="db-events"]').getByText('DB instance created').waitFor({ timeout: 30_000 });
    await lab.shoot('rds-database-details');
  });

  it('takes a snapshot from the Actions menu and lists it', async () => {
    await page.locator('[data-test="db-actions"]').selectOption('snapshot');
    await page.locator('[data-test="action-name"]').fill('console-snap');
    await page.locator('[data-test="action-confirm"]').click();
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/rds/snapshots');
    await page.locator('[data-test="snapshot-row"]').getByText('console-snap').waitFor({ timeout: 30_000 });
    // The copy waits for the engine's first start (a fresh lab makes PostgreSQL's template first): creating, then available.
    const state = await page.locator('[data-test="snapshot-row"] [data-test="state-badge"]').getAttribute('data-state');
    expect(['creating', 'available']).toContain(state);
    await lab.shoot('rds-snapshots');
  });
});
