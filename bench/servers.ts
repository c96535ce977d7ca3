/** The servers a benchmark compares: the lab, a bare in-memory HTTP server (the ceiling), and moto. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';

export const repoRoot = resolve(import.meta.dirname, '..');

export interface BenchServer {
  name: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`timeout waiting for ${pattern}:\n${out}`)), timeoutMs);
    const on = (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.once('exit', (code) => fail(new Error(`exited ${code}:\n${out}`)));
  });
}

const stopper = (child: ChildProcess, cleanup?: () => void) => () =>
  new Promise<void>((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', () => {
      cleanup?.();
      ok();
    });
    child.kill('SIGTERM');
  });

export async function startNimbus(): Promise<BenchServer & { coldStartMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'nimbus'), 'serve', '--port', '0', '--data', dataDir, '--no-token'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = await waitForLine(child, /ready on http:\/\/[^:\s]+:(\d+)/, 30_000);
  const coldStartMs = performance.now() - t0;
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
  const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(text)![1]!;
  return {
    name: 'nimbus',
    endpoint: `http://127.0.0.1:${m[1]}`,
    credentials: { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') },
    coldStartMs,
    stop: stopper(child, () => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** The ceiling: a Node HTTP server that only stores and returns bodies, in its own process like the lab. */
export async function startBare(): Promise<BenchServer> {
  const child = spawn(process.execPath, [join(repoRoot, 'bench', 'bare-server.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const m = await waitForLine(child, /listening (\d+)/, 10_000);
  return {
    name: 'bare',
    endpoint: `http://127.0.0.1:${m[1]}`,
    credentials: { accessKeyId: 'AKIDBARE', secretAccessKey: 'bare' },
    stop: stopper(child),
  };
}

export function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

export async function startMoto(): Promise<(BenchServer & { coldStartMs: number }) | undefined> {
  if (!motoAvailable()) return undefined;
  const port = await freePort();
  const t0 = performance.now();
  // moto logs every request; an unread pipe would fill up and stall it, so its output is discarded.
  const child = spawn('moto_server', ['-p', String(port)], { stdio: 'ignore' });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/moto-api/`);
      await r.arrayBuffer();
      break;
    } catch {
      if (child.exitCode !== null) return undefined;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const coldStartMs = performance.now() - t0;
  return {
    name: 'moto',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'AKIDMOTO', secretAccessKey: 'moto' },
    coldStartMs,
    stop: stopper(child),
  };
}
