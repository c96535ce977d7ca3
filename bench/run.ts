/**
 * `npm run bench`: every benchmark, each figure next to a baseline measured in the same run.
 * Results are printed and written to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBare, startMoto, startNimbus, repoRoot, type BenchServer } from './servers';
import { presignedReplay, sdkThroughput } from './s3';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const results: Record<string, unknown> = { date: new Date().toISOString(), seconds: SECONDS };
const fmt = (n: number) => n.toFixed(0).padStart(7);
const ratio = (a: number, b?: number) => (b ? (a / b).toFixed(2) : 'n/a');

async function withServer<T>(start: () => Promise<BenchServer | undefined>, fn: (s: BenchServer) => Promise<T>): Promise<T | undefined> {
  const s = await start();
  if (!s) return undefined;
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

async function coldStarts(runs = 5) {
  const nimbus: number[] = [];
  const moto: number[] = [];
  for (let i = 0; i < runs; i++) {
    const n = await startNimbus();
    nimbus.push(n.coldStartMs);
    await n.stop();
    const m = await startMoto();
    if (m) {
      moto.push(m.coldStartMs);
      await m.stop();
    }
  }
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : undefined);
  return { nimbusMs: median(nimbus), motoMs: median(moto) };
}

async function main() {
  console.log(`S3 1 KiB objects, 16 concurrent SDK v3 clients, ${SECONDS}s per phase`);
  const sdk: Record<string, { put: number; get: number } | undefined> = {};
  for (const [name, start] of [['nimbus', startNimbus], ['bare', startBare], ['moto', startMoto]] as const) {
    const r = await withServer(start, (s) => sdkThroughput(s, SECONDS));
    sdk[name] = r;
    if (r) console.log(`  ${name.padEnd(7)} PUT ${fmt(r.put)}/s  GET ${fmt(r.get)}/s`);
    else console.log(`  ${name.padEnd(7)} not installed`);
  }
  const n = sdk.nimbus!;
  console.log(`  nimbus/bare  PUT ${ratio(n.put, sdk.bare?.put)}  GET ${ratio(n.get, sdk.bare?.get)}   (goal ≥ 0.9)`);
  console.log(`  nimbus/moto  PUT ${ratio(n.put, sdk.moto?.put)}  GET ${ratio(n.get, sdk.moto?.get)}   (goal ≥ 3)`);
  results.s3Sdk = sdk;

  console.log(`Presigned GET replayed by autocannon (16 connections, ${SECONDS}s)`);
  const replay = {
    nimbus: await withServer(startNimbus, async (s) => (await sdkThroughput(s, 1), presignedReplay(s, SECONDS))),
    moto: await withServer(startMoto, async (s) => (await sdkThroughput(s, 1), presignedReplay(s, SECONDS))),
  };
  for (const [name, r] of Object.entries(replay)) if (r) console.log(`  ${name.padEnd(7)} ${fmt(r)} req/s`);
  console.log(`  nimbus/moto ${ratio(replay.nimbus!, replay.moto)}`);
  results.presignedReplay = replay;

  const cold = await coldStarts();
  console.log(`Cold start to ready (median of 5): nimbus ${cold.nimbusMs?.toFixed(0)} ms, moto ${cold.motoMs?.toFixed(0) ?? 'n/a'} ms (goal < 500 ms)`);
  results.coldStart = cold;

  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
