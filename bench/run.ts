/**
 * `npm run bench`: every benchmark, each figure next to a baseline measured in the same run.
 * Results are printed and written to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBare, startMoto, startNimbus, repoRoot, type BenchServer } from './servers';
import { presignedReplay, sdkThroughput } from './s3';
import { describeByTag, ec2RoundTrips, startBareEc2 } from './ec2';
import { benchIam } from './iam';
import { benchCli } from './cli';
import { stackCreateDelete } from './cloudformation';
import { benchConsole } from './console';
import { sqsSection } from './sqs';
import { cloudwatchSection } from './monitoring';
import { benchRedis } from './redis';
import type { GuestBenchResult } from './guest';
import { benchGuestRuntime } from './guest-runtime';
import { benchLambda } from './lambda';
import { benchEfs, efsLine } from './efs';
import { benchElb, elbLine } from './elb';
import { spawnSync } from 'node:child_process';

/** BENCH_ONLY=s3,ec2 runs a subset; every section measures its baseline in the same run. */
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const wanted = (name: string) => only.size === 0 || only.has(name);

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

async function s3Section() {
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
    bare: await withServer(startBare, async (s) => (await sdkThroughput(s, 1), presignedReplay(s, SECONDS))),
    moto: await withServer(startMoto, async (s) => (await sdkThroughput(s, 1), presignedReplay(s, SECONDS))),
  };
  for (const [name, r] of Object.entries(replay)) if (r) console.log(`  ${name.padEnd(7)} ${fmt(r)} req/s`);
  console.log(`  nimbus/moto ${ratio(replay.nimbus!, replay.moto)}, nimbus/bare ${ratio(replay.nimbus!, replay.bare)}`);
  results.presignedReplay = replay;

}

async function coldStartSection() {
  const cold = await coldStarts();
  console.log(`Cold start to ready (median of 5): nimbus ${cold.nimbusMs?.toFixed(0)} ms, moto ${cold.motoMs?.toFixed(0) ?? 'n/a'} ms (goal < 500 ms)`);
  results.coldStart = cold;

}

async function ec2Section() {
  console.log(`EC2 RunInstances + DescribeInstances pairs per second (aws-sdk v2, 8 concurrent, ${SECONDS}s)`);
  const pairs = {
    nimbus: await withServer(startNimbus, (s) => ec2RoundTrips(s, SECONDS)),
    bare: await withServer(startBareEc2, (s) => ec2RoundTrips(s, SECONDS)),
    moto: await withServer(startMoto, (s) => ec2RoundTrips(s, SECONDS)),
  };
  for (const [name, r] of Object.entries(pairs)) if (r) console.log(`  ${name.padEnd(7)} ${r.pairsPerSecond.toFixed(1).padStart(7)} pairs/s (${r.errors} errors)`);
  console.log(`  nimbus/moto ${ratio(pairs.nimbus!.pairsPerSecond, pairs.moto?.pairsPerSecond)} (goal ≥ 3), nimbus/bare ${ratio(pairs.nimbus!.pairsPerSecond, pairs.bare?.pairsPerSecond)}`);
  const byTag = await describeByTag({ instances: 5000 });
  console.log(`  DescribeInstances tag filter over ${byTag.instances} instances: median ${byTag.medianMs.toFixed(1)} ms, p95 ${byTag.p95Ms.toFixed(1)} ms (goal < 20 ms)`);
  results.ec2 = { pairs, byTag };
}

async function iamSection() {
  const r = await benchIam();
  console.log(`IAM authorization: root ${r.rootMicros.toFixed(2)} µs, user with 20 policies × 10 statements ${r.userMicros.toFixed(2)} µs, overhead ${r.overheadMicros.toFixed(2)} µs (goal < 50 µs)`);
  results.iam = r;
}

async function cliSection() {
  const r = await benchCli();
  console.log(`aws ${r.command}: lab CLI ${r.inProcessMedianMs.toFixed(2)} ms vs real CLI ${r.realCliMedianMs.toFixed(0)} ms (×${r.ratio.toFixed(0)}; goal < 5 ms)`);
  results.cli = r;
}

async function cloudformationSection() {
  const r = await stackCreateDelete({ resources: 100 });
  console.log(`CloudFormation ${r.resources}-resource stack at maximum warp: create ${r.createMs.toFixed(0)} ms, delete ${r.deleteMs.toFixed(0)} ms (goal < 1 s)`);
  results.cloudformation = r;
}

async function guestSection() {
  // A process of its own: the sections before it leave SDKs and engines in this one's memory.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'guest-process.ts')], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`guest benchmark failed:\n${child.stderr}`);
  const r = JSON.parse(child.stdout) as GuestBenchResult;
  console.log(
    `Guest shell: echo hi ${r.echoMedianMs.toFixed(2)} ms (just-bash alone ${r.baselineEchoMedianMs.toFixed(2)} ms), ls -la /etc ${r.lsMedianMs.toFixed(2)} ms (alone ${r.baselineLsMedianMs.toFixed(2)} ms) (goal < 2 ms); ${r.guests} guests: ${r.rssMb.toFixed(0)} MB RSS (goal < 300 MB)`,
  );
  results.guest = r;
}

async function guestRuntimeSection() {
  const r = await benchGuestRuntime();
  console.log(
    `Guest runtime: S3/EC2 p99 ${r.busyP99Ms.toFixed(2)} ms with ${r.busyGuests} busy guests vs ${r.idleP99Ms.toFixed(2)} ms idle (×${r.ratio.toFixed(2)}; goal ≤ 1.5); sleep 60 at warp 60 took ${r.sleep60AtWarp60Ms.toFixed(0)} ms (goal 1000 ± 50)`,
  );
  results.guestRuntime = r;
}

async function consoleSection() {
  const r = await benchConsole();
  console.log(`Console: serve → interactive Instances page ${r.serveToInteractiveMs.toFixed(0)} ms (goal < 1.5 s), Launch → row ${r.launchToRowMs.toFixed(0)} ms (goal < 100 ms), first-page JS ${(r.bundle.firstPageJsGzipBytes / 1024).toFixed(0)} KiB gzip`);
  results.console = r;
}

async function redisSection() {
  const r = await benchRedis();
  if (!r) console.log('Redis: redis-server or redis-benchmark not installed (apt-get install redis-server redis-tools)');
  results.redis = r;
}

async function lambdaSection() {
  const r = await benchLambda();
  const b = r.baseline;
  console.log(
    `Lambda: cold Python ${r.cold.pythonMs.toFixed(0)} ms (first in a fresh lab ${r.cold.pythonFirstMs.toFixed(0)} ms), with boto3 ${r.cold.pythonBoto3Ms.toFixed(0)} ms, Node.js ${r.cold.nodeMs.toFixed(0)} ms (bare node spawn ${b.spawnMs.toFixed(0)} ms; goal ≤ 600 ms); ` +
      `warm p50/p99 Python ${r.warm.pythonP50Ms.toFixed(1)}/${r.warm.pythonP99Ms.toFixed(1)} ms, Node.js ${r.warm.nodeP50Ms.toFixed(1)}/${r.warm.nodeP99Ms.toFixed(1)} ms (bare IPC echo ${b.echoP50Ms.toFixed(2)}/${b.echoP99Ms.toFixed(2)} ms; goal ≤ 10 ms); ` +
      `sandbox RSS Python ${r.memory.pythonSandboxMb.toFixed(0)} MB, Node.js ${r.memory.nodeSandboxMb.toFixed(0)} MB; lab with ten warm functions ${r.memory.labRssWithTenWarmMb.toFixed(0)} MB`,
  );
  results.lambda = r;
}

async function efsSection() {
  const r = await benchEfs();
  console.log(efsLine(r));
  results.efs = r;
}

async function elbSection() {
  const r = await benchElb();
  console.log(elbLine(r));
  results.elb = r;
}

async function main() {
  const sections: [string, () => Promise<void>][] = [
    ['s3', s3Section],
    ['coldstart', coldStartSection],
    ['ec2', ec2Section],
    ['iam', iamSection],
    ['cli', cliSection],
    ['cloudformation', cloudformationSection],
    ['guest', guestSection],
    ['guest-runtime', guestRuntimeSection],
    ['console', consoleSection],
    ['sqs', () => sqsSection(SECONDS, results)],
    ['cloudwatch', () => cloudwatchSection(SECONDS, results)],
    ['redis', redisSection],
    ['lambda', lambdaSection],
    ['efs', efsSection],
    ['elb', elbSection],
  ];
  for (const [name, run] of sections) if (wanted(name)) await run();
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
