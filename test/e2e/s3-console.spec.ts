/**
 * The S3 console page end to end: a real `nimbus serve`, the browser build of the console, and
 * Debian's Chromium. Create a bucket through the form, see it listed; try a name with capitals and
 * see S3's InvalidBucketName, with nothing created; a bucket made through an SDK shows up live.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

const root = resolve(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results', 'e2e');

let server: ChildProcess;
let dataDir: string;
let profileDir: string;
let browser: BrowserContext;
let page: Page;
let consoleUrl: string;
let endpoint: string;
let serverOutput = '';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (server.exitCode !== null)
      throw new Error(`nimbus serve exited (${server.exitCode}) while waiting for ${what}\n${serverOutput}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // The server serves out/web/; build it when missing.
  if (!existsSync(join(root, 'out', 'web', 'index.html'))) {
    const built = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'vite.web.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: root },
    );
    if (built.status !== 0) throw new Error(`web build failed: ${built.stderr.toString()}`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'nimbus-e2e-'));
  profileDir = mkdtempSync(join(tmpdir(), 'nimbus-e2e-chromium-'));
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  // NIMBUS_BIN lets the same flow run against another build of the CLI (a packaged one).
  const nimbus = process.env.NIMBUS_BIN ?? join(root, 'bin', 'nimbus');
  server = spawn(process.execPath, [nimbus, 'serve', '--port', String(port), '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NIMBUS_NO_OPEN: '1' },
  });
  server.stdout!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  consoleUrl = await waitFor('console-url', () => {
    const file = join(dataDir, 'console-url');
    return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
  });
  await waitFor('health', async () => {
    const res = await fetch(`${endpoint}/_lab/health`).catch(() => undefined);
    return res?.ok && ((await res.json()) as { status?: string }).status === 'ready' ? true : undefined;
  });

  // A fresh profile per run (playwright wants it as launchPersistentContext's argument, not a flag).
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1280, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  for (const dir of [dataDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const bucketRows = () => page.locator('[data-test="bucket-row"] td.name').allTextContents();

describe('S3 console', () => {
  it('opens Console Home with the account id in the top bar', async () => {
    await page.goto(consoleUrl);
    await page.getByRole('heading', { name: 'Console Home' }).waitFor();
    const credentials = readFileSync(join(dataDir, 'credentials'), 'utf8');
    const accountKey = /aws_access_key_id\s*=\s*(\S+)/.exec(credentials)?.[1];
    expect(accountKey).toMatch(/^AKIA/);
    await page.locator('[data-test="account-menu"]').click();
    const shown = (await page.locator('[data-test="account-id"]').textContent()) ?? '';
    expect(shown).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    await shoot('01-console-home');
    await page.locator('[data-test="account-menu"]').click();
  });

  it('creates a bucket through the form and lists it', async () => {
    await page.locator('[data-test="services-menu"]').click();
    await page.getByRole('menuitem', { name: /S3/ }).click();
    await page.getByRole('heading', { name: /Buckets/ }).waitFor();
    await page.getByText('No buckets yet').waitFor();
    await page.locator('[data-test="create-bucket"]').click();
    await page.getByLabel('Bucket name').fill('e2e-first-bucket');
    await shoot('02-create-bucket-form');
    await page.locator('[data-test="create-bucket-submit"]').click();
    await page.locator('[data-test="bucket-row"]').first().waitFor();
    expect(page.url()).toMatch(/#\/s3$/);
    expect(await bucketRows()).toEqual(['e2e-first-bucket']);
    expect(await page.locator('[data-test="flash"]').first().textContent()).toContain(
      'Bucket "e2e-first-bucket" created.',
    );
    await shoot('03-bucket-created');
  });

  it("shows S3's InvalidBucketName for a name with capitals and creates nothing", async () => {
    await page.locator('[data-test="create-bucket"]').click();
    await page.getByLabel('Bucket name').fill('My-Bucket');
    await page.locator('[data-test="create-bucket-submit"]').click();
    const flash = page.locator('[data-test="flash"]').filter({ hasText: 'was not created' });
    await flash.waitFor();
    expect(await flash.locator('[data-test="flash-code"]').textContent()).toBe('InvalidBucketName');
    expect(await flash.locator('[data-test="flash-message"]').textContent()).toBe('The specified bucket is not valid.');
    expect(page.url()).toMatch(/#\/s3\/create$/); // the form stays for a corrected name
    await shoot('04-invalid-bucket-name');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-test="bucket-row"]').first().waitFor();
    expect(await bucketRows()).toEqual(['e2e-first-bucket']);
  });

  it('shows a bucket created through an SDK, live, with the call in recent activity', async () => {
    const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
    const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
    const s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'made-by-sdk' }));
    s3.destroy();
    await page.locator('[data-test="bucket-row"] td.name', { hasText: 'made-by-sdk' }).waitFor();
    expect(await bucketRows()).toEqual(['e2e-first-bucket', 'made-by-sdk']);
    // The SDK's call is in the history next to the console's own refresh (ListBuckets) it triggered.
    const rows = await page.locator('[data-test="recent-activity"] tbody tr').allTextContents();
    expect(
      rows.filter((r) => r.includes('s3:CreateBucket') && r.includes('CLI / SDK') && r.includes('Success')),
    ).toHaveLength(1);
    expect(
      rows.filter((r) => r.includes('s3:CreateBucket') && r.includes('Console') && r.includes('InvalidBucketName')),
    ).toHaveLength(1);
    await shoot('05-sdk-bucket-live');
  });
});
