/**
 * `./bin/nimbus serve` as a learner starts it: ready line, the files other tools read, the console
 * guard, a clean SIGTERM, and how long a cold start takes (spawn → /_lab/health ready).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'nimbus');
let dataDir: string;
let child: ChildProcess;
let port: number;
let output = '';
let exited: Promise<number | null>;

function startServe(args: string[]) {
  const p = spawn(process.execPath, [bin, 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<number | null>((ok) => p.once('exit', (code) => ok(code)));
  return { p, done, output: () => out };
}

beforeAll(async () => {
  // Build first so the timing below is a start, not a build.
  const build = spawn(process.execPath, [bin, 'build'], { cwd: root, stdio: 'ignore' });
  await new Promise((ok) => build.once('exit', ok));
  dataDir = mkdtempSync(join(tmpdir(), 'nimbus-serve-'));
  const started = performance.now();
  const s = startServe(['--port', '0', '--data', dataDir]);
  child = s.p;
  exited = s.done;
  port = await new Promise<number>((ok, fail) => {
    const timer = setInterval(() => {
      const m = /Nimbus Lab ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(s.output());
      if (m) {
        clearInterval(timer);
        ok(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(s.output()));
      }
    }, 5);
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/_lab/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
  }
  const ms = performance.now() - started;
  output = s.output();
  console.log(`[serve.test] cold start (spawn → health ready): ${ms.toFixed(0)} ms`);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('nimbus serve', () => {
  it('answers /_lab/health', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/_lab/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ready');
  });

  it('writes DIR/credentials (0600) and DIR/console-url, and prints the console URL', () => {
    const creds = readFileSync(join(dataDir, 'credentials'), 'utf8');
    expect(creds).toMatch(/^\[default\]\naws_access_key_id = AKIA[A-Z2-7]{16}\naws_secret_access_key = \S{40}\n$/);
    expect(statSync(join(dataDir, 'credentials')).mode & 0o777).toBe(0o600);
    const url = readFileSync(join(dataDir, 'console-url'), 'utf8').trim();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/_lab/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(output).toContain(url);
  });

  it('guards the console: 403 without token, 200 with it, foreign Origin refused', async () => {
    const url = readFileSync(join(dataDir, 'console-url'), 'utf8').trim();
    expect((await fetch(`http://127.0.0.1:${port}/_lab/`)).status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const busy = (blocker.address() as { port: number }).port;
    const other = mkdtempSync(join(tmpdir(), 'nimbus-serve-'));
    const s = startServe(['--port', String(busy), '--data', other]);
    expect(await s.done).toBe(1);
    expect(s.output()).toBe(`nimbus: port ${busy} on 127.0.0.1 is already in use (another lab running? try --port)\n`);
    blocker.close();
    rmSync(other, { recursive: true, force: true });
  });

  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
