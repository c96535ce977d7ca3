/**
 * The lab's Redis against Debian's redis-server on the same machine, both driven by Debian's
 * redis-benchmark (SET, GET, INCR, LPUSH; 100,000 requests, 50 clients), without and with
 * pipelining (-P 16). Goal: ≥ 0.5× of the real server for each test. A bare Node.js server that
 * answers +OK without parsing shows what any Node server reaches on this machine at the moment.
 * Also the memory each holds for 200,000 small keys.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './servers';

const REDIS = '/usr/bin/redis-server';
const BENCH = '/usr/bin/redis-benchmark';

function waitFor(proc: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((ok, fail) => {
    let out = '';
    const on = (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) ok(m);
    };
    proc.stdout?.on('data', on);
    proc.stderr?.on('data', on);
    proc.on('exit', () => fail(new Error(`exited before ready: ${out}`)));
    setTimeout(() => fail(new Error(`not ready in 20 s: ${out}`)), 20_000);
  });
}

function benchmark(port: number, pipeline: number, n: number): Record<string, number> {
  const r = spawnSync(BENCH, ['-p', String(port), '-t', 'set,get,incr,lpush', '-n', String(n), '-P', String(pipeline), '-q'], { encoding: 'utf8', timeout: 120_000 });
  const out: Record<string, number> = {};
  for (const m of r.stdout.matchAll(/^(\w+): ([\d.]+) requests per second/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

function rssKb(pid: number): number {
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function fill(port: number, keys: number): void {
  // redis-benchmark's -r fills random keys of the form key:NNNNNNNNNNNN.
  spawnSync(BENCH, ['-p', String(port), '-t', 'set', '-n', String(keys * 3), '-r', String(keys), '-P', '64', '-q'], { timeout: 180_000 });
}

export async function benchRedis(requests = 100_000): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(REDIS) || !existsSync(BENCH)) return undefined;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const real = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lab = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'redis-lab-server.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const bare = spawn(process.execPath, [join(repoRoot, 'bench', 'bare-resp-server.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await waitFor(real, /Ready to accept connections/);
    const labPort = Number((await waitFor(lab, /port (\d+)/))[1]);
    const barePort = Number((await waitFor(bare, /port (\d+)/))[1]);
    const result: Record<string, unknown> = {};
    // A warm-up pass each, so the lab's JIT-compiled code is what gets measured.
    benchmark(labPort, 16, requests / 2);
    benchmark(port, 16, requests / 2);
    for (const pipeline of [1, 16]) {
      const a = benchmark(labPort, pipeline, requests);
      const b = benchmark(port, pipeline, requests);
      const c = benchmark(barePort, pipeline, requests);
      const rows = Object.keys(b).map((t) => ({ test: t, lab: a[t] ?? 0, redis: b[t]!, bareNode: c[t] ?? 0, ratio: (a[t] ?? 0) / b[t]! }));
      console.log(`Redis, redis-benchmark -n ${requests} -P ${pipeline} (requests/s)`);
      for (const r of rows) {
        console.log(
          `  ${r.test.padEnd(6)} lab ${r.lab.toFixed(0).padStart(8)}  redis-server ${r.redis.toFixed(0).padStart(8)}  bare node ${r.bareNode.toFixed(0).padStart(8)}  lab/redis ${r.ratio.toFixed(2)} (goal ≥ 0.5)  lab/bare ${(r.lab / (r.bareNode || 1)).toFixed(2)}`,
        );
      }
      result[`P${pipeline}`] = rows;
    }
    const keys = 200_000;
    const before = { lab: rssKb(lab.pid!), redis: rssKb(real.pid!) };
    fill(labPort, keys);
    fill(port, keys);
    const after = { lab: rssKb(lab.pid!), redis: rssKb(real.pid!) };
    const labMb = (after.lab - before.lab) / 1024;
    const redisMb = (after.redis - before.redis) / 1024;
    console.log(`  memory for ${keys} small keys: lab +${labMb.toFixed(0)} MB, redis-server +${redisMb.toFixed(0)} MB, ratio ${(labMb / redisMb).toFixed(2)}`);
    result.memory = { keys, labMb, redisMb };
    return result;
  } finally {
    lab.kill();
    bare.kill();
    real.kill();
  }
}

if (process.argv[1]?.endsWith('redis.ts')) {
  const r = await benchRedis(Number(process.env.REDIS_REQUESTS ?? 100_000));
  if (!r) console.log('redis-server or redis-benchmark not installed');
}
