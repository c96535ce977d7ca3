/**
 * Guests: median time from an input line to its full output for `echo hi` and `ls -la /etc` in an
 * instance's shell (goal < 2 ms in the engine), next to just-bash alone on its in-memory filesystem
 * (the baseline: what our session, SQLite filesystem and permissions add); and the resident memory
 * of the process with 100 running guests, each with an open shell (goal < 300 MB).
 */
import { Bash } from 'just-bash';
import { createEngine } from '../src-main/engine/index';
import { createClock } from '../src-main/engine/clock/clock';
import { GuestShell } from '../src-main/engine/guest/session';

export interface GuestBenchResult {
  echoMedianMs: number;
  lsMedianMs: number;
  baselineEchoMedianMs: number;
  baselineLsMedianMs: number;
  guests: number;
  /** Resident memory of the process with the guests and their shells (the engine included). */
  rssMb: number;
  /** The same process before any guest booted: what the guests themselves cost is the difference. */
  rssBeforeGuestsMb: number;
  rssPerGuestMb: number;
  bootMedianMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeLine(run: () => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchGuest(opts: { runs?: number; guests?: number } = {}): Promise<GuestBenchResult> {
  const runs = opts.runs ?? 300;
  const count = opts.guests ?? 100;
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 0, 1) }) });
  try {
    const root = engine.account.root;
    (globalThis as { gc?: () => void }).gc?.();
    const rssBeforeGuestsMb = process.memoryUsage().rss / 2 ** 20;
    // An account may run 32 instances per region: spread the guests over regions.
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
    const ids: string[] = [];
    for (const region of regions) {
      if (ids.length >= count) break;
      const images = (await engine.call(root, 'ec2', 'DescribeImages', { Filters: [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }] }, { region })) as { Images?: { ImageId?: string }[] };
      const n = Math.min(25, count - ids.length);
      const out = (await engine.call(root, 'ec2', 'RunInstances', { ImageId: images.Images![0]!.ImageId!, InstanceType: 't2.nano', MinCount: n, MaxCount: n }, { region })) as {
        Instances?: { InstanceId?: string }[];
      };
      for (const i of out.Instances ?? []) ids.push(i.InstanceId!);
    }
    engine.clock.advance(120_000);
    await new Promise((r) => setImmediate(r));
    const boots: number[] = [];
    const shells: GuestShell[] = [];
    for (const id of ids) {
      const t = performance.now();
      const g = await engine.terminals.guest(id);
      boots.push(performance.now() - t);
      if (!g) throw new Error(`guest ${id} did not boot`);
      shells.push(new GuestShell(g, g.user(g.identity.defaultUser)!));
    }
    const sh = shells[0]!;
    const echoMedianMs = await timeLine(() => sh.exec('echo hi'), runs);
    const lsMedianMs = await timeLine(() => sh.exec('ls -la /etc'), runs);

    const bash = new Bash({ files: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/etc/file${i}`, 'x'])) });
    const baselineEchoMedianMs = await timeLine(() => bash.exec('echo hi'), runs);
    const baselineLsMedianMs = await timeLine(() => bash.exec('ls -la /etc'), runs);

    (globalThis as { gc?: () => void }).gc?.();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    return {
      echoMedianMs,
      lsMedianMs,
      baselineEchoMedianMs,
      baselineLsMedianMs,
      guests: shells.length,
      rssMb,
      rssBeforeGuestsMb,
      rssPerGuestMb: (rssMb - rssBeforeGuestsMb) / shells.length,
      bootMedianMs: median(boots),
    };
  } finally {
    engine.close();
  }
}

// `npx tsx bench/guest.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchGuest().then((r) => console.log(JSON.stringify(r, null, 2)), (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
