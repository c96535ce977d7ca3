/**
 * EC2 in the console end to end (§3.1-§3.4): launch an instance through the classic seven-step
 * wizard (Amazon Linux, t2.micro, a new security group allowing SSH, a new key pair whose private
 * key lands in the workstation's home folder and, on request, downloads), watch it go pending → running, connect a terminal and run `uname -a`, stop it,
 * change its type, terminate it. The lab runs at warp 60 so the instance boots in a second or two.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import type { Page } from 'playwright-core';
import { root, startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;
let ec2: AWS.EC2;
let instanceId = '';

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
  ec2 = new AWS.EC2({ endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab.credentials()) });
});
afterAll(async () => lab?.close());

/** Picks an option of a Naive UI select inside `scope` (typing `filter` first into filterable ones). */
async function choose(scope: string, nth: number, option: string | RegExp, filter?: string) {
  await page.locator(`${scope} .n-base-selection`).nth(nth).click();
  if (filter) await page.keyboard.type(filter);
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
}
const row = () => page.locator(`[data-test="instance-row"][data-id="${instanceId}"]`);
const state = () => row().locator('[data-test="state-badge"]').getAttribute('data-state');
async function waitState(want: string) {
  await lab.waitFor(`instance ${want}`, async () => ((await state()) === want ? true : undefined), 60_000);
}
async function cell(title: string): Promise<string> {
  const headers = (await page.locator('[data-test="instances-table"] thead th').allTextContents()).map((h) => h.trim());
  return ((await row().locator('td').nth(headers.indexOf(title)).textContent()) ?? '').trim();
}

describe('EC2 console', () => {
  it('finds EC2 through the services search and shows the Instances page with AWS names', async () => {
    await page.goto(lab.consoleUrl);
    await page.getByRole('heading', { name: 'Console Home' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('ec2');
    // EC2 itself, not EC2 Auto Scaling (both match the search; EC2's exact name comes first).
    await page.getByRole('menuitem', { name: /^EC2 Virtual servers/ }).click();
    await page.getByRole('heading', { name: /^Instances \(/ }).waitFor();
    expect(page.url()).toMatch(/\/_lab\/\?token=[^#]+#\/ec2\/instances$/);
    for (const name of ['Launch instance', 'Instance state', 'Actions', 'Connect'])
      expect(await page.getByRole('button', { name: new RegExp(`^${name}`) }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Key Pairs' }).getAttribute('href')).toBe('#/ec2/key-pairs');
    await lab.shoot('ec2-01-instances-empty');
  });

  it('launches an instance through the seven steps with a new security group and key pair', async () => {
    await page.getByRole('button', { name: 'Launch instance' }).click();
    await page.getByRole('heading', { name: 'Step 1: Choose AMI' }).waitFor();
    expect(page.url()).toMatch(/#\/ec2\/launch$/);
    await page.getByRole('button', { name: /^Select Amazon Linux AMI 2017\.09\.1/ }).click();
    await page.getByRole('heading', { name: 'Step 2: Choose Instance Type' }).waitFor();
    expect(await page.locator('[data-test="selected-type"]').textContent()).toBe('t2.micro');
    expect(await page.locator('tr', { hasText: 't2.micro' }).getByText('Free tier eligible').count()).toBe(1);
    await lab.shoot('ec2-02-wizard-type');
    await page.getByRole('button', { name: 'Next: Configure Instance' }).click();
    await page.getByLabel('Number of instances').waitFor();
    await page.getByRole('button', { name: 'Next: Add Storage' }).click();
    expect(await page.locator('[data-test="storage-row"]').first().textContent()).toContain('/dev/xvda');
    await page.getByRole('button', { name: 'Next: Add Tags' }).click();
    await page.getByRole('textbox', { name: 'Value' }).first().fill('mymachine');
    await page.getByRole('button', { name: 'Next: Configure Security Group' }).click();
    await page.getByLabel('Security group name').fill('ssh-only');
    await page.getByLabel('Description').first().fill('Allow SSH from anywhere');
    await lab.shoot('ec2-03-wizard-security-group');
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.getByRole('heading', { name: 'Step 7: Review' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ssh-only, is open to the world');
    await lab.shoot('ec2-04-wizard-review');

    await page.getByRole('button', { name: 'Launch', exact: true }).click();
    const dialog = '[data-test="key-pair-dialog"]';
    await page.locator(dialog).waitFor();
    await choose(dialog, 0, 'Create a new key pair');
    await page.getByLabel('Key pair name').fill('mykey');
    await page.locator(dialog).getByText('I acknowledge').click();
    await page.getByRole('button', { name: 'Launch instance' }).last().click();
    // The private key lands in the workstation's home folder; "Save to disk" also downloads it.
    const saved = page.locator('[data-test="flash"]', { hasText: 'The private key was saved to ~/mykey.pem on your workstation' });
    await saved.waitFor();
    expect(await saved.locator('[data-test="flash-message"]').textContent()).toBe(
      'In the terminal, make it private first: chmod 400 ~/mykey.pem. Then ssh -i ~/mykey.pem uses it.',
    );
    await lab.shoot('ec2-03b-key-saved-to-workstation');
    const download = page.waitForEvent('download');
    await saved.locator('[data-test="flash-action"]').click();
    const pem = await download;
    expect(pem.suggestedFilename()).toBe('mykey.pem');
    const material = readFileSync((await pem.path())!, 'utf8');
    expect(material).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n?$/);
    // The same key, as the workstation's shell sees it (mode 644 until the learner runs chmod 400).
    const shell = spawnSync(process.execPath, [join(root, 'bin', 'nimbus'), 'shell', '--data', lab.dataDir], {
      input: "wc -c < ~/mykey.pem\nls -l ~/mykey.pem | awk '{print $1, $3}'\n",
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(shell.stdout).toBe(`${Buffer.byteLength(material)}\n-rw-r--r-- learner\n`);

    await page.locator('[data-test="instance-row"]').first().waitFor();
    instanceId = (await page.locator('[data-test="instance-row"]').first().getAttribute('data-id')) ?? '';
    expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(await page.locator('[data-test="flash"]').first().textContent()).toContain(`Successfully initiated launch of instance ${instanceId}`);

    // What the wizard asked for is what EC2 has.
    const got = await ec2.describeInstances({ InstanceIds: [instanceId] }).promise();
    const inst = got.Reservations?.[0]?.Instances?.[0];
    expect(inst?.InstanceType).toBe('t2.micro');
    expect(inst?.KeyName).toBe('mykey');
    expect(inst?.Tags).toEqual([{ Key: 'Name', Value: 'mymachine' }]);
    expect(inst?.SecurityGroups?.map((g) => g.GroupName)).toEqual(['ssh-only']);
    const groups = await ec2.describeSecurityGroups({ GroupNames: ['ssh-only'] }).promise();
    expect(groups.SecurityGroups?.[0]?.IpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);
  });

  it('shows the state going from pending to running, live', async () => {
    const seen = new Set<string>();
    await lab.waitFor('running', async () => {
      const s = await state();
      if (s) seen.add(s);
      return s === 'running' ? true : undefined;
    });
    expect([...seen].filter((s) => s !== 'running')).toEqual(seen.size > 1 ? ['pending'] : []);
    expect(await cell('Name')).toBe('mymachine');
    expect(await cell('Instance type')).toBe('t2.micro');
    expect(await cell('Public IPv4 address')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await row().click();
    await page.locator('[data-test="instance-details"]').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/ec2/instances/${instanceId}$`));
    for (const tab of ['Details', 'Security', 'Networking', 'Storage', 'Monitoring', 'Tags'])
      expect(await page.getByRole('tab', { name: tab }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await page.locator('[data-test="metric-CPUUtilization"] canvas').waitFor();
    await lab.shoot('ec2-05-running-monitoring');
  });

  it('connects a terminal to the instance and runs uname -a', async () => {
    await page.getByRole('button', { name: 'Connect', exact: true }).first().click();
    expect(await page.locator('[data-test="connect-user"]').textContent()).toBe('ec2-user');
    await page.locator('[data-test="connect-submit"]').click();
    const terminal = page.locator('[data-test="terminal-dock"] .xterm-rows').last();
    await lab.waitFor('prompt', async () => (/\$\s*$/m.test((await terminal.textContent()) ?? '') ? true : undefined), 30_000);
    await page.locator('[data-test="terminal-dock"] .xterm-screen').last().click();
    await page.keyboard.type('uname -a');
    await page.keyboard.press('Enter');
    const out = await lab
      .waitFor('uname output', async () => {
        const text = (await terminal.textContent()) ?? '';
        return /Linux \S+ \S+ .*GNU\/Linux/.test(text) ? text : undefined;
      }, 30_000)
      .catch(async (e: unknown) => {
        await lab.shoot('ec2-06-terminal-failed');
        throw new Error(`${String(e)}\nscreen: ${await terminal.textContent()}`);
      });
    expect(out).toMatch(/Linux ip-\d+-\d+-\d+-\d+/);
    await lab.shoot('ec2-06-terminal-uname');
  });

  it('stops the instance and changes its type while stopped', async () => {
    await page.getByRole('button', { name: 'Instance state' }).click();
    await page.getByText('Stop instance').click();
    await page.locator('[data-test="confirm-dialog"]').getByRole('button', { name: 'Stop' }).click();
    await waitState('stopped');
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByText('Instance settings').hover();
    await page.getByText('Change instance type').click();
    await choose('.n-modal', 0, /^m4\.large$/, 'm4.large');
    await lab.shoot('ec2-07-change-type');
    await page.getByRole('button', { name: 'Apply' }).click();
    await lab.waitFor('m4.large', async () => ((await cell('Instance type')) === 'm4.large' ? true : undefined));
    const got = await ec2.describeInstances({ InstanceIds: [instanceId] }).promise();
    expect(got.Reservations?.[0]?.Instances?.[0]?.InstanceType).toBe('m4.large');
  });

  it('terminates the instance after AWS-style confirmation, every step recorded as a console call', async () => {
    await page.getByRole('button', { name: 'Instance state' }).click();
    await page.getByText('Terminate instance').click();
    const confirm = page.locator('[data-test="confirm-dialog"]');
    expect(await confirm.textContent()).toContain('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Terminate' }).click();
    await waitState('terminated');
    await lab.shoot('ec2-08-terminated');
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/');
    await page.getByRole('heading', { name: 'Console Home' }).waitFor();
    const rows = await page.locator('[data-test="recent-activity"] tbody tr').allTextContents();
    for (const op of ['RunInstances', 'StopInstances', 'ModifyInstanceAttribute', 'TerminateInstances'])
      expect(rows.filter((r) => r.includes(`ec2:${op}`) && r.includes('Console') && r.includes('Success'))).toHaveLength(1);
  });
});
