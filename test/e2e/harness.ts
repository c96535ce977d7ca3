/**
 * One lab for an end-to-end file: a real `nimbus serve` on a free port with its own data folder, the
 * browser build of the console (rebuilt when src-renderer or the contract changed since the last
 * build), and Debian's Chromium through playwright-core. Screenshots go to test-results/e2e/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '..', '..');
export const shots = join(root, 'test-results', 'e2e');

export interface E2eLab {
  dataDir: string;
  endpoint: string;
  consoleUrl: string;
  browser: BrowserContext;
  page: Page;
  /** Everything the server printed (shown when a wait times out). */
  output(): string;
  credentials(): { accessKeyId: string; secretAccessKey: string };
  shoot(name: string): Promise<void>;
  waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
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

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds out/web when it is missing or older than the console's sources. */
export function ensureWebBuild(): void {
  const index = join(root, 'out', 'web', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'src-renderer')), newestMtime(join(root, 'src-main', 'contract')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: root });
  if (built.status !== 0) throw new Error(`web build failed: ${built.stderr.toString()}`);
}

export async function startE2eLab(options: { warp?: number; viewport?: { width: number; height: number } } = {}): Promise<E2eLab> {
  mkdirSync(shots, { recursive: true });
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-e2e-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'nimbus-e2e-chromium-'));
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let output = '';
  // NIMBUS_BIN lets the same flow run against another build of the CLI (a packaged one).
  const nimbus = process.env.NIMBUS_BIN ?? join(root, 'bin', 'nimbus');
  const args = [nimbus, 'serve', '--port', String(port), '--data', dataDir];
  if (options.warp !== undefined) args.push('--warp', String(options.warp));
  const server: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NIMBUS_NO_OPEN: '1' },
  });
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()));

  async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (server.exitCode !== null) throw new Error(`nimbus serve exited (${server.exitCode}) while waiting for ${what}\n${output}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const consoleUrl = await waitFor('console-url', () => {
    const file = join(dataDir, 'console-url');
    return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
  });
  await waitFor('health', async () => {
    const res = await fetch(`${endpoint}/_lab/health`).catch(() => undefined);
    return res?.ok && ((await res.json()) as { status?: string }).status === 'ready' ? true : undefined;
  });
  // A fresh profile per run (playwright wants it as launchPersistentContext's argument, not a flag).
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());

  return {
    dataDir,
    endpoint,
    consoleUrl,
    browser,
    page,
    output: () => output,
    credentials() {
      const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
      const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
      return { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') };
    },
    shoot: async (name) => void (await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })),
    waitFor,
    async close() {
      await browser.close().catch(() => undefined);
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }
      for (const dir of [dataDir, profileDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
