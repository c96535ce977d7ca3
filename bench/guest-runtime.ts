/**
 * The guest runtime under load, as ratios in one run:
 * - the lab's p99 latency for S3 and EC2 calls (ListBuckets, DescribeInstances) while five guests
 *   run `while true; do :; done`, against the same calls on the idle lab (goal ≤ 1.5×). Calls are
 *   started by a timer every 5 ms, as requests arriving, and timed from when they were due, so
 *   time spent waiting for the event loop counts, as it would for an HTTP client;
 * - `sleep 60` in a guest at warp 60, in real time (goal 1 s ± 5 %).
 */
import { createEngine, type Engine } from '../src-main/engine/index';
import { createClock } from '../src-main/engine/clock/clock';
import { GuestShell } from '../src-main/engine/guest/session';
import { cpuSecondsOf } from '../src-main/engine/guest/cpu';

export interface GuestRuntimeBenchResult {
  idleP99Ms: number;
  busyP99Ms: number;
  /** busy / idle p99 (goal ≤ 1.5). */
  ratio: number;
  busyGuests: number;
  calls: number;
  /** CPU seconds (simulated) the five busy instances were charged during the busy phase. */
  busyCpuSeconds: number;
  sleep60AtWarp60Ms: number;
}

const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

async function latencies(engine: Engine, ms: number): Promise<number[]> {
  const root = engine.account.root;
  const out: number[] = [];
  let pending = 0;
  let n = 0;
  await new Promise<void>((done) => {
    const end = performance.now() + ms;
    const fire = (): void => {
      const due = performance.now();
      if (due >= end) {
        if (pending === 0) done();
        return;
      }
      pending++;
      const op = n++ % 2 === 0 ? engine.call(root, 's3', 'ListBuckets', {}, { region: 'us-east-1' }) : engine.call(root, 'ec2', 'DescribeInstances', {}, { region: 'us-east-1' });
      void op.finally(() => {
        out.push(performance.now() - due);
        pending--;
        if (pending === 0 && performance.now() >= end) done();
      });
      setTimeout(fire, 5);
    };
    fire();
  });
  return out;
}

export async function benchGuestRuntime(opts: { seconds?: number } = {}): Promise<GuestRuntimeBenchResult> {
  const ms = (opts.seconds ?? 3) * 1000;
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 0, 1) }) });
  let busyP99Ms = 0;
  let idleP99Ms = 0;
  let calls = 0;
  let busyCpuSeconds = 0;
  const busy = 5;
  try {
    const root = engine.account.root;
    const run = (await engine.call(root, 'ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: busy, MaxCount: busy }, { region: 'us-east-1' })) as { Instances: { InstanceId: string }[] };
    engine.clock.advance(120_000);
    const ids = run.Instances.map((i) => i.InstanceId);
    const shells: GuestShell[] = [];
    for (const id of ids) {
      const g = (await engine.terminals.guest(id))!;
      shells.push(new GuestShell(g, g.user('ec2-user')!));
    }
    await latencies(engine, 500); // warm-up
    const idle = await latencies(engine, ms);
    idleP99Ms = p99(idle);
    const stop = new AbortController();
    const before = ids.reduce((s, id) => s + cpuSecondsOf(id), 0);
    const loops = shells.map((sh) => sh.exec('while true; do :; done', { signal: stop.signal }));
    await new Promise((r) => setTimeout(r, 200));
    const loaded = await latencies(engine, ms);
    stop.abort();
    await Promise.all(loops);
    busyCpuSeconds = ids.reduce((s, id) => s + cpuSecondsOf(id), 0) - before;
    busyP99Ms = p99(loaded);
    calls = idle.length + loaded.length;
  } finally {
    engine.close();
  }

  const warp = createEngine({ clock: createClock({ warp: 60 }) });
  let sleep60AtWarp60Ms = 0;
  try {
    const ws = await warp.terminals.workstation();
    const sh = new GuestShell(ws, ws.user('learner')!);
    await sh.exec('sleep 1');
    const t = performance.now();
    await sh.exec('sleep 60');
    sleep60AtWarp60Ms = performance.now() - t;
  } finally {
    warp.close();
  }
  return { idleP99Ms, busyP99Ms, ratio: busyP99Ms / idleP99Ms, busyGuests: busy, calls, busyCpuSeconds, sleep60AtWarp60Ms };
}

// `npx tsx bench/guest-runtime.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchGuestRuntime().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
