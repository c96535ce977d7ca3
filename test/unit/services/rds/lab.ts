/** One in-memory engine with a manual clock for the RDS tests, and helpers to step it. */
import { createClock } from '../../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../../src-main/engine/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
export const START = Date.UTC(2026, 5, 1, 9, 0, 0);

export interface RdsLab {
  engine: Engine;
  call(service: string, op: string, input?: Record<string, unknown>): Promise<any>;
  /** Steps simulated time, letting async steps (EC2 calls, jobs) finish between steps. */
  run(ms: number, step?: number): Promise<void>;
  /** Runs a promise (a guest command) while stepping the clock, for clients that wait on simulated time. */
  withClock<T>(p: Promise<T>): Promise<T>;
  /** Waits (wall clock) until check() holds: engine folder jobs run off the main thread. */
  until(check: () => Promise<boolean>, what: string, ms?: number): Promise<void>;
}

export function rdsLab(): RdsLab {
  const engine = createEngine({ clock: createClock({ warp: 0, start: START }) });
  const tick = () => new Promise((r) => setImmediate(r));
  const lab: RdsLab = {
    engine,
    call: (service, op, input = {}) => engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' }),
    async run(ms, step = 10_000) {
      for (let t = 0; t < ms; t += step) {
        engine.clock.advance(step);
        for (let i = 0; i < 20; i++) await tick();
      }
    },
    async withClock(p) {
      let done = false;
      void p.finally(() => (done = true));
      for (let i = 0; i < 2000 && !done; i++) {
        engine.clock.advance(1000);
        await new Promise((r) => setTimeout(r, 5));
      }
      return p;
    },
    async until(check, what, ms = 60_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (await check()) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${what}`);
    },
  };
  return lab;
}
