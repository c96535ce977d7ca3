/**
 * The ElastiCache console in Chromium: the services menu and navigation find it, a Redis cluster is
 * created from the form and shows up with its state, and the subnet groups page lists the group.
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

describe('ElastiCache console', () => {
  it('creates a Redis cluster from the form and lists it; the navigation reaches subnet groups', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/elasticache/redis');
    await page.getByRole('heading', { name: /Redis clusters/ }).waitFor();
    await page.locator('nav.side-nav').getByText('Subnet groups').waitFor();
    await page.locator('[data-test="create"]').click();
    await page.getByLabel('Cluster name').fill('mycache');
    await page.locator('[data-test="action-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Creating cluster mycache' }).waitFor();
    await lab.waitFor('cluster row', async () => ((await rowIds()).includes('mycache') ? true : undefined), 10_000);
    await page.locator('[data-test="resource-row"][data-id="mycache"]').click();
    await page.locator('[data-test="details"]').getByText('cache.t2.micro').first().waitFor();
    await lab.shoot('elasticache-01-cluster');

    await page.locator('nav.side-nav').getByText('Subnet groups').click();
    await page.getByRole('heading', { name: /Subnet groups/ }).waitFor();
    expect(await page.locator('.crumbs').textContent()).toContain('ElastiCache');
  });
});
