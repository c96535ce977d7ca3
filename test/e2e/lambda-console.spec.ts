/**
 * The Lambda console end to end (§7.2): create the website health check from the canary blueprint
 * with a new basic-execution role and a rate(5 minutes) schedule, test it and read "Check passed!" in
 * the log tail, then see the schedule run it (the lab at warp 60: five simulated minutes every five
 * seconds) and find its runs in CloudWatch Logs, where the Monitoring tab links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
}, 120_000);
afterAll(async () => lab?.close());

const checksPassed = async () => {
  const logs = new CloudWatchLogsClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials(), maxAttempts: 1 });
  const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/website-health-check', filterPattern: '"Check passed!"' })).catch(() => ({ events: [] }));
  return out.events?.length ?? 0;
};

describe('Lambda console', () => {
  it('creates the website health check from the canary blueprint, with a schedule', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/lambda/create');
    await page.locator('[data-test="mode-blueprint"]').check();
    await page.locator('[data-test="blueprint-website-canary-python"] input').check();
    await page.locator('[data-test="function-name"]').fill('website-health-check');
    await page.locator('[data-test="env-site"]').fill('https://example.com/');
    await page.locator('[data-test="env-expected"]').fill('Example Domain');
    expect(await page.locator('[data-test="schedule"]').inputValue()).toBe('rate(5 minutes)');
    await page.locator('[data-test="create-function-submit"]').click();
    await page.locator('[data-test="function-title"]').getByText('website-health-check').waitFor({ timeout: 30_000 });
    await page.locator('[data-test="code-editor"]').getByText("os.environ['site']").waitFor();
    await lab.shoot('lambda-created');
  }, 60_000);

  it('tests the function and shows "Check passed!" in the log tail', async () => {
    await page.locator('[data-test="tab-test"]').click();
    await page.locator('[data-test="test-invoke"]').click();
    const log = page.locator('[data-test="test-log"]');
    // The first Python run may boot the interpreter (seconds on a busy machine).
    await log.getByText('Check passed!').waitFor({ timeout: 90_000 }).catch(async (e: unknown) => {
      await lab.shoot('lambda-test-failed');
      throw e;
    });
    expect(await log.textContent()).toMatch(/REPORT RequestId: \S+\tDuration: [\d.]+ ms/);
    await lab.shoot('lambda-tested');
  }, 100_000);

  it('runs on its schedule, and Monitoring links to its log group', async () => {
    await lab.waitFor('a scheduled check', async () => ((await checksPassed()) >= 2 ? true : undefined), 50_000);
    await page.locator('[data-test="tab-triggers"]').click();
    await page.locator('[data-test="triggers-table"]').getByText('rate(5 minutes)').waitFor();
    await page.locator('[data-test="tab-monitoring"]').click();
    expect(await page.locator('[data-test="view-logs"]').getAttribute('href')).toBe('#/cloudwatch/logs/%2Faws%2Flambda%2Fwebsite-health-check');
  }, 60_000);
});
