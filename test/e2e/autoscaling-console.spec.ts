/**
 * The EC2 Auto Scaling and Load Balancing consoles in Chromium: a target group, a launch template
 * and a group made from the forms; the group launches its instances (activity history), the target
 * group shows them with their health, and the navigation reaches the load balancers page.
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

const dialog = '[data-test="action-dialog"]';
/** Picks an option of the dialog's nth select (naive-ui). */
async function choose(nth: number, option: string | RegExp) {
  await page.locator(`${dialog} .n-base-selection`).nth(nth).click();
  await page.locator('.n-base-select-option:visible', { hasText: option }).first().click();
}
const rowIds = () => page.locator('[data-test="resource-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
const open = async (hash: string, heading: RegExp) => {
  await page.goto(lab.consoleUrl.replace(/#.*$/, '') + hash);
  await page.getByRole('heading', { name: heading }).waitFor();
};

describe('Auto Scaling and Load Balancing consoles', () => {
  it('creates a target group, a launch template and a group that launches into the target group', async () => {
    await open('#/elb/target-groups', /Target groups/);
    await page.locator('[data-test="create"]').click();
    await page.getByLabel('Target group name').fill('web');
    await choose(1, /default/);
    await page.locator('[data-test="action-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Successfully created target group web.' }).waitFor();

    await page.locator('nav.side-nav').getByText('Launch Templates').click();
    await page.getByRole('heading', { name: /Launch templates/ }).waitFor();
    await page.locator('[data-test="create"]').click();
    await page.getByLabel('Launch template name').fill('web');
    await choose(0, /ami-/);
    await page.locator('[data-test="action-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: /Successfully created launch template web \(lt-[0-9a-f]{17}\)\./ }).waitFor();

    await page.locator('nav.side-nav').getByText('Auto Scaling Groups').click();
    await page.getByRole('heading', { name: /Auto Scaling groups/ }).waitFor();
    await page.locator('[data-test="create"]').click();
    await page.getByLabel('Auto Scaling group name').fill('web');
    await choose(0, /^web \(lt-/);
    await choose(2, /us-east-1a/);
    await choose(3, /us-east-1b/);
    await choose(4, /^web \(HTTP:80\)/);
    await page.locator('[data-test="action-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Auto Scaling group web created; it launches its instances now.' }).waitFor();
    await lab.waitFor('group row', async () => ((await rowIds()).includes('web') ? true : undefined), 10_000);
    await page.locator('[data-test="resource-row"][data-id="web"]').click();
    await page.getByRole('tab', { name: 'Activity' }).click();
    await lab.waitFor('two launches', async () => ((await page.locator('[data-test="activities-row"]').count()) >= 2 ? true : undefined), 30_000);
    expect(await page.locator('[data-test="activities-row"]').first().textContent()).toMatch(/Launching a new EC2 instance: i-[0-9a-f]{17}/);
    await lab.shoot('autoscaling-01-activity');

    await page.locator('nav.side-nav').getByText('Target Groups').click();
    await page.getByRole('heading', { name: /Target groups/ }).waitFor();
    await page.locator('[data-test="resource-row"][data-id="web"]').click();
    await page.getByRole('tab', { name: 'Targets' }).click();
    await lab.waitFor('two targets', async () => ((await page.locator('[data-test="targets-row"]').count()) === 2 ? true : undefined), 30_000);
    expect(await page.locator('[data-test="targets-row"]').first().textContent()).toMatch(/i-[0-9a-f]{17}80/);
    await page.locator('nav.side-nav').getByText('Load Balancers', { exact: true }).click();
    await page.getByRole('heading', { name: /Load balancers/ }).waitFor();
  });
});
