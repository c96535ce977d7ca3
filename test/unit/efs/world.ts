/** A real engine on a stopped clock for the EFS tests: calls as the lab's root, and clock steps that let async work finish. */
import { createClock } from '../../../src-main/engine/clock/clock';
import { createEngine, type Engine } from '../../../src-main/engine/index';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface EfsWorld {
  engine: Engine;
  call(service: string, op: string, input?: Record<string, unknown>): Promise<any>;
  /** Steps simulated time, giving the lifecycles' EC2 calls and the guests' boots turns in between. */
  run(ms: number, step?: number): Promise<void>;
  tick(): Promise<void>;
}

export function efsWorld(): EfsWorld {
  const engine = createEngine({ clock: createClock({ warp: 0, start: Date.UTC(2026, 5, 1, 9, 0, 0) }) });
  const tick = () => new Promise<void>((r) => setImmediate(r));
  return {
    engine,
    tick,
    call: (service, op, input = {}) => engine.call(engine.account.root, service, op, input, { region: 'us-east-1', source: 'api' }),
    async run(ms, step = 10_000) {
      for (let t = 0; t < ms; t += step) {
        engine.clock.advance(step);
        for (let i = 0; i < 30; i++) await tick();
      }
    },
  };
}
