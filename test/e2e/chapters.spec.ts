/**
 * A learner works through the start of chapter 3 by hand with the chapter panel open: the panel's
 * marks follow what happens in the cloud. Launching mymachine through the console wizard turns the
 * first step green; a security group that lets SSH in only from 10.0.0.0/8 (changed from an SDK, as
 * a learner might) turns it red with the exact reason; reading the system log turns its step green.
 * "Show me" on the connect step opens the workstation terminal and types the ssh login into it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import type { Page } from 'playwright-core';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;
let ec2: AWS.EC2;

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
  ec2 = new AWS.EC2({ endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab.credentials()) });
});
afterAll(async () => lab?.close());

const step = (id: string) => page.locator(`[data-test="step-${id}"]`);
const stepStatus = (id: string) => step(id).getAttribute('data-status');
async function waitStatus(id: string, want: string, ms = 60_000): Promise<void> {
  await lab.waitFor(`step ${id} ${want}`, async () => ((await stepStatus(id)) === want ? true : undefined), ms);
}

describe('chapter panel', () => {
  it('lists the chapters and opens chapter 3 at its first step', async () => {
    await page.goto(lab.consoleUrl);
    await page.getByRole('heading', { name: 'Console Home' }).waitFor();
    const panel = page.locator('[data-test="chapter-panel"]');
    if ((await panel.locator('[data-test="chapters"]').count()) === 0) await panel.locator('button.toggle').click();
    for (const n of [1, 3, 4, 6, 9, 11, 12, 13]) await panel.locator(`[data-test="open-chapter-${n}"]`).waitFor();
    await panel.locator('[data-test="open-chapter-3"]').click();
    await panel.getByRole('heading', { name: 'Chapter 3: Using virtual machines: EC2' }).waitFor();
    await waitStatus('launch', 'failed');
    expect(await step('launch').locator('[data-test="step-detail"]').textContent()).toBe(
      'No live instance tagged Name=mymachine in us-east-1. Launch one (EC2 > Instances > Launch instances) and give it that name.',
    );
    expect(await page.locator('[data-test="chapter-costs"]').textContent()).toContain('$0.0116/h');
    await step('launch').locator('[data-test="hint"]').click();
    expect(await step('launch').locator('.hints li').count()).toBe(1);
    await lab.shoot('chapters-01-chapter-3-open');
  });

  it('turns the launch step green when mymachine is launched through the console wizard', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/ec2/instances');
    await page.getByRole('button', { name: 'Launch instance' }).click();
    await page.getByRole('button', { name: /^Select Amazon Linux AMI 2017\.09\.1/ }).click();
    await page.getByRole('button', { name: 'Next: Configure Instance' }).click();
    await page.getByRole('button', { name: 'Next: Add Storage' }).click();
    await page.getByRole('button', { name: 'Next: Add Tags' }).click();
    await page.getByRole('textbox', { name: 'Value' }).first().fill('mymachine');
    await page.getByRole('button', { name: 'Next: Configure Security Group' }).click();
    await page.getByLabel('Security group name').fill('ssh-only');
    await page.getByLabel('Description').first().fill('Allow SSH from anywhere');
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.getByRole('button', { name: 'Launch', exact: true }).click();
    const dialog = page.locator('[data-test="key-pair-dialog"]');
    await dialog.waitFor();
    // The chapter's prepared state already has mykey (chapter 1); the dialog offers it first.
    await dialog.getByText('I acknowledge').click();
    await page.getByRole('button', { name: 'Launch instance' }).last().click();
    await waitStatus('launch', 'passed');
    // The panel moves on to the next step; open the finished one to read its mark.
    await step('launch').locator('.step-head').click();
    expect(await step('launch').locator('[data-test="step-detail"]').textContent()).toMatch(
      /^mymachine \(i-[0-9a-f]{17}, t2\.micro\) is running and /,
    );
    expect(await page.locator('[data-test="chapter-progress"]').textContent()).toMatch(/^1 of \d+ steps done$/);
    await lab.shoot('chapters-02-launch-green');
  });

  it('shows the precise reason when the security group lets SSH in only from 10.0.0.0/8', async () => {
    const groups = await ec2.describeSecurityGroups({ GroupNames: ['ssh-only'] }).promise();
    const groupId = groups.SecurityGroups![0]!.GroupId!;
    await ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }).promise();
    await ec2.revokeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }).promise();
    await waitStatus('launch', 'failed');
    const detail = (await step('launch').locator('[data-test="step-detail"]').textContent()) ?? '';
    expect(detail).toMatch(/^SSH would not get through: /);
    expect(detail).toContain('10.0.0.0/8');
    expect(detail).toContain('203.0.113.10');
    await lab.shoot('chapters-03-wrong-group');
    // Putting the rule back turns it green again.
    await ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }).promise();
    await waitStatus('launch', 'passed');
  });

  it('marks the system-log step once the learner reads the log in the console', async () => {
    const id = (await page.locator('[data-test="instance-row"]').first().getAttribute('data-id')) ?? '';
    await page.locator(`[data-test="instance-row"][data-id="${id}"]`).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByText('Monitor and troubleshoot').hover();
    await page.getByText('Get system log').click();
    await waitStatus('system-log', 'passed');
    await lab.shoot('chapters-04-system-log');
  });
});

describe('Show me', () => {
  it('types the ssh login into the workstation terminal the console shows, and the connect step turns green', async () => {
    // The system log from the previous test is still open.
    await page.keyboard.press('Escape');
    await page.locator('.n-modal-container').first().waitFor({ state: 'hidden' });
    if ((await step('connect').locator('.step-head').getAttribute('aria-expanded')) !== 'true') await step('connect').locator('.step-head').click();
    await step('connect').locator('[data-test="show-me"]').click();
    await waitStatus('connect', 'passed');
    const terminal = page.locator('[data-test="terminal-dock"] .xterm-rows').first();
    const screen = (await terminal.textContent()) ?? '';
    expect(screen).toContain('chmod 400 ~/mykey.pem');
    // The console's wizard launched Amazon Linux: its user is ec2-user.
    expect(screen).toMatch(/ssh -i ~\/mykey\.pem ec2-user@ec2-[0-9-]+\.compute-1\.amazonaws\.com/);
    expect(await step('connect').locator('[data-test="step-detail"]').textContent()).toMatch(/^You logged in to mymachine at /);
    await lab.shoot('chapters-05-show-me-connect');
  });
});
