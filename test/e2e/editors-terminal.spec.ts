/**
 * The guest editors through the console's real terminal (xterm.js in Chromium): vi inserts, saves and
 * quits; nano writes out and exits; the workstation's shell then shows what each saved (§3.7 edits a
 * file this way). `nimbus shell` under a pty is covered by test/integration/cli/editors-pty.test.ts.
 * Keys are typed as fast as Playwright can: what arrives while the editor redraws waits its turn.
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

const screen = () => page.locator('[data-test="terminal-dock"] .xterm-rows').last();
const waitScreen = (what: string, re: RegExp) =>
  lab.waitFor(what, async () => (re.test((await screen().textContent()) ?? '') ? true : undefined), 30_000).catch(async (e: unknown) => {
    throw new Error(`${String(e)}\nscreen: ${await screen().textContent()}`);
  });

describe('editors in the console terminal', () => {
  it('vi and nano edit files on the workstation', async () => {
    await page.goto(lab.consoleUrl);
    await page.locator('[data-test="terminal-tab-open-workstation"]').click();
    await waitScreen('prompt', /\$\s*$/m);
    await page.locator('[data-test="terminal-dock"] .xterm-screen').last().click();

    await page.keyboard.type('vi notes.txt');
    await page.keyboard.press('Enter');
    await waitScreen('vi', /\[New File\]/);
    await page.keyboard.type('iwritten in vi');
    await page.keyboard.press('Escape');
    await page.keyboard.type(':wq');
    await page.keyboard.press('Enter');
    await waitScreen('prompt after vi', /\$\s*$/m);

    await page.keyboard.type('nano more.txt');
    await page.keyboard.press('Enter');
    await waitScreen('nano', /GNU nano|\^X Exit/);
    await page.keyboard.type('written in nano');
    await page.keyboard.press('Control+O');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+X');
    await waitScreen('prompt after nano', /\$\s*$/m);

    await page.keyboard.type('cat notes.txt more.txt');
    await page.keyboard.press('Enter');
    await waitScreen('both files', /written in vi\s*written in nano/);
    expect((await screen().textContent()) ?? '').toMatch(/written in vi\s*written in nano/);
    await lab.shoot('editors-01-saved');
  });
});
