/**
 * Simulated time. now() = anchorSim + (real elapsed since anchorReal) * warp. A manual clock
 * (warp 0) only moves when advance() is called, which is what tests use. Scheduled work fires when
 * simulated time reaches it; this module owns the only real timer, so handlers never need one.
 */
export interface Clock {
  /** Simulated epoch milliseconds. */
  now(): number;
  date(): Date;
  readonly warp: number;
  setWarp(factor: number): void;
  /** Move simulated time forward (any warp); due jobs run synchronously. */
  advance(ms: number): void;
  /** Run fn once simulated time reaches `at`. Returns a cancel function. */
  at(at: number, fn: () => void): () => void;
  /** Stop the real timer (engine shutdown). */
  dispose(): void;
}

interface Job {
  at: number;
  seq: number;
  fn: () => void;
}

export function createClock(opts: { warp?: number; start?: number; realNow?: () => number } = {}): Clock {
  const realNow = opts.realNow ?? Date.now;
  let warp = opts.warp ?? 1;
  let anchorReal = realNow();
  let anchorSim = opts.start ?? anchorReal;
  let jobs: Job[] = [];
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const now = (): number => anchorSim + (realNow() - anchorReal) * warp;
  const reanchor = (): void => {
    anchorSim = now();
    anchorReal = realNow();
  };
  const runDue = (): void => {
    const t = now();
    while (jobs.length > 0 && jobs[0]!.at <= t) {
      const job = jobs.shift()!;
      job.fn();
    }
    arm();
  };
  const arm = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (jobs.length === 0 || warp <= 0) return;
    const delay = Math.max(0, (jobs[0]!.at - now()) / warp);
    timer = setTimeout(runDue, Math.min(delay, 2 ** 31 - 1));
    timer.unref?.();
  };

  return {
    now,
    date: () => new Date(now()),
    get warp() {
      return warp;
    },
    setWarp(factor: number) {
      reanchor();
      warp = factor;
      arm();
    },
    advance(ms: number) {
      anchorSim += ms;
      runDue();
    },
    at(at: number, fn: () => void) {
      const job: Job = { at, seq: seq++, fn };
      jobs.push(job);
      jobs.sort((a, b) => a.at - b.at || a.seq - b.seq);
      arm();
      return () => {
        jobs = jobs.filter((j) => j !== job);
        arm();
      };
    },
    dispose() {
      if (timer) clearTimeout(timer);
      jobs = [];
    },
  };
}
