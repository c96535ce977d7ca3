/**
 * The CloudWatch console: a custom metric sent with SDK v3 shows in the metrics browser and is
 * graphed; an alarm created from it shows its state and history; log events written with SDK v3 are
 * listed and searched with a filter pattern on the log group's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CloudWatchClient, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;
const go = (hash: string) => page.goto(lab.consoleUrl.replace(/#.*$/, '') + hash);

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
});
afterAll(async () => lab?.close());

describe('CloudWatch console', () => {
  it('browses and graphs a custom metric, then creates an alarm on it', async () => {
    const cw = new CloudWatchClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials() });
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Lab/Shop',
        MetricData: [1, 2, 3].map((v) => ({
          MetricName: 'Orders',
          Dimensions: [{ Name: 'Stage', Value: 'prod' }],
          Value: v,
          Unit: 'Count',
        })),
      }),
    );
    await go('#/cloudwatch/metrics');
    await page.locator('[data-test="namespace"]', { hasText: 'Lab/Shop' }).click();
    await page.getByLabel('Graph Orders Stage=prod').check();
    await lab.waitFor(
      'datapoints on the chart',
      async () =>
        Number(await page.locator('[data-test="metric-chart"]').getAttribute('data-points')) > 0 ? true : undefined,
      15_000,
    );
    await lab.shoot('cloudwatch-01-metrics');

    await page.locator('[data-test="create-alarm-from-metric"]').click();
    expect(await page.locator('[data-test="alarm-namespace"]').inputValue()).toBe('Lab/Shop');
    expect(await page.locator('[data-test="alarm-dimensions"]').inputValue()).toBe('Stage=prod');
    await page.locator('[data-test="alarm-threshold"]').fill('100');
    await page.locator('[data-test="alarm-name"]').fill('orders-high');
    await page.locator('[data-test="create-alarm-submit"]').click();
    await page.locator('[data-test="flash"]').filter({ hasText: 'Alarm orders-high created.' }).waitFor();
    const row = page.locator('[data-test="alarm-row"][data-alarm="orders-high"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Orders > 100 for 1 datapoint within 5 minutes');

    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'orders-high',
        StateValue: 'ALARM',
        StateReason: 'Set by the console test',
      }),
    );
    await row.getByRole('link', { name: 'orders-high' }).click();
    await page.locator('[data-test="alarm-state"][data-state="ALARM"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-test="state-reason"]').textContent()).toBe('Set by the console test');
    await page.locator('[data-test="history-row"][data-type="ConfigurationUpdate"]').waitFor();
    await page.locator('[data-test="history-row"][data-type="StateUpdate"]').first().waitFor();
    await lab.shoot('cloudwatch-02-alarm');
  });

  it('lists log events and searches them with a filter pattern', async () => {
    const logs = new CloudWatchLogsClient({
      endpoint: lab.endpoint,
      region: 'us-east-1',
      credentials: lab.credentials(),
    });
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/web' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/lab/web', logStreamName: 'i-1' }));
    const now = Date.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/lab/web',
        logStreamName: 'i-1',
        logEvents: ['GET / 200', 'GET /missing 404', 'POST /order 500 ERROR'].map((message, i) => ({
          message,
          timestamp: now + i,
        })),
      }),
    );
    await go('#/cloudwatch/logs');
    await page.locator('[data-test="log-group-row"][data-name="/lab/web"]').getByRole('link').click();
    await page.locator('[data-test="log-stream-row"]', { hasText: 'i-1' }).waitFor();
    await lab.waitFor(
      'three events',
      async () => ((await page.locator('[data-test="log-event-row"]').count()) === 3 ? true : undefined),
      10_000,
    );
    await page.locator('[data-test="log-filter"]').fill('ERROR');
    await page.locator('[data-test="log-search"]').click();
    await lab.waitFor(
      'one matching event',
      async () => ((await page.locator('[data-test="log-event-row"]').count()) === 1 ? true : undefined),
      10_000,
    );
    expect(await page.locator('[data-test="log-event-row"]').textContent()).toContain('POST /order 500 ERROR');
  });
});
