/**
 * The console's speed, in Chromium against a real `nimbus serve`:
 * - serveToInteractiveMs: from starting `nimbus serve` to the Instances page rendered and its
 *   "Launch instance" button clickable (goal < 1500 ms);
 * - launchToRowMs: from clicking "Launch instance" in the wizard's last dialog to the new instance's
 *   row in the Instances table (goal < 100 ms), median of `launches` runs;
 * - bundle sizes of out/web (all files, and the JavaScript the first page loads, gzipped).
 * The lead wires `benchConsole` into bench/run.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureWebBuild, freePort, root } from '../test/e2e/harness';

export interface ConsoleBench {
  serveToInteractiveMs: number;
  launchToRowMs: number;
  launchRunsMs: number[];
  bundle: { totalBytes: number; files: number; firstPageJsBytes: number; firstPageJsGzipBytes: number };
}

/**
 * Page-side timer, as source text (tsx's helpers must not leak into the page): clicks the dialog's
 * "Launch instance" and resolves when the table has more rows than `before`.
 */
const timeLaunch = (before: number) => `new Promise((resolve) => {
  const button = [...document.querySelectorAll('[data-test="key-pair-dialog"] button')].find((b) => b.textContent.trim() === 'Launch instance');
  const t0 = performance.now();
  const check = () => {
    if (document.querySelectorAll('[data-test="instance-row"]').length > ${before}) resolve(performance.now() - t0);
    else requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bundleSize(): ConsoleBench['bundle'] {
  const dir = join(root, 'out', 'web');
  const all: string[] = [];
  const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : all.push(join(d, e.name))));
  walk(dir);
  // What index.html pulls in before any lazy page: its module script and the chunks it preloads.
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/_lab\/(assets\/[^"]+\.js)"/g)].map((m) => join(dir, m[1]!));
  const js = first.map((f) => readFileSync(f));
  return {
    totalBytes: all.reduce((n, f) => n + statSync(f).size, 0),
    files: all.length,
    firstPageJsBytes: js.reduce((n, b) => n + b.length, 0),
    firstPageJsGzipBytes: js.reduce((n, b) => n + gzipSync(b).length, 0),
  };
}

export async function benchConsole(options: { launches?: number } = {}): Promise<ConsoleBench> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-bench-console-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'nimbus-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [join(root, 'bin', 'nimbus'), 'serve', '--port', String(port), '--data', dataDir, '--warp', '60'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NIMBUS_NO_OPEN: '1' },
  });
  try {
    const urlFile = join(dataDir, 'console-url');
    let url = '';
    while (!url) {
      if (server.exitCode !== null) throw new Error(`nimbus serve exited (${server.exitCode})`);
      if (existsSync(urlFile)) url = readFileSync(urlFile, 'utf8').trim();
      else await new Promise((r) => setTimeout(r, 5));
    }
    await page.goto(`${url}#/ec2/instances`);
    await page.getByRole('heading', { name: /^Instances \(0\)/ }).waitFor();
    await page.getByRole('button', { name: 'Launch instance' }).click({ trial: true });
    const serveToInteractiveMs = performance.now() - started;

    const runs: number[] = [];
    for (let i = 0; i < (options.launches ?? 5); i++) {
      await page.getByRole('button', { name: 'Launch instance' }).click();
      await page.getByRole('button', { name: /^Select Amazon Linux AMI 2017\.09\.1/ }).click();
      await page.getByRole('button', { name: 'Review and Launch' }).click();
      await page.getByRole('button', { name: 'Launch', exact: true }).click();
      await page.locator('[data-test="key-pair-dialog"] .n-base-selection').first().click();
      await page.locator('.n-base-select-option', { hasText: 'Proceed without a key pair' }).click();
      const rows = await page.locator('[data-test="instance-row"]').count();
      const launch = page.locator('[data-test="key-pair-dialog"]').getByRole('button', { name: 'Launch instance' });
      await launch.waitFor();
      // Timed in the page: click → the new row in the DOM, without the harness's round trips.
      const ms = Number(await page.evaluate(timeLaunch(rows)));
      runs.push(ms);
    }
    return { serveToInteractiveMs, launchToRowMs: median(runs), launchRunsMs: runs, bundle: bundleSize() };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(undefined) : server.once('exit', r)));
    for (const d of [dataDir, profileDir]) rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchConsole();
  console.log(JSON.stringify(r, null, 2));
}
