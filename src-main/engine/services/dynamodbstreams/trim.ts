/** Retention on the simulated clock: every 10 simulated minutes, records older than 24 hours go. */
import type { ServiceStart } from '../../core/provider';
import { trimStreams } from './state/streams';

const TRIM_MS = 10 * 60_000;
const running = new WeakSet<object>();

export function startTrim(engine: ServiceStart): void {
  if (running.has(engine.clock)) return;
  running.add(engine.clock);
  const tick = (): void => {
    try {
      if (engine.store.db.open) engine.store.tx(() => trimStreams(engine, engine.clock.now()));
    } catch (e) {
      console.error('[nimbus] dynamodb streams trim failed', e);
    }
    engine.clock.at(engine.clock.now() + TRIM_MS, tick);
  };
  engine.clock.at(engine.clock.now() + TRIM_MS, tick);
}
