/**
 * Time to live on the simulated clock: once a simulated minute, items whose TTL attribute (epoch
 * seconds) has passed are deleted, with their index rows and the table's counters. DynamoDB takes
 * up to a few days; the lab keeps it prompt so a learner sees the effect.
 */
import type { ServiceStart } from '../../core/provider';
import { deleteItem, expiredItems } from './state/items';
import { tableById } from './state/tables';

/** Stream records of expired items name the service as the one who deleted them. */
const TTL_IDENTITY = { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' };

const SWEEP_MS = 60_000;

export function sweepExpired(engine: Pick<ServiceStart, 'store' | 'clock'>): number {
  let n = 0;
  if (!engine.store.db.open) return n;
  const ids = engine.store.stmt(`SELECT id FROM ddb_tables WHERE json_extract(spec, '$.ttl.enabled') = 1`).all() as {
    id: number;
  }[];
  for (const { id } of ids) {
    engine.store.tx(() => {
      const row = tableById(engine, id);
      if (!row) return;
      for (const item of expiredItems(engine, id, Math.floor(engine.clock.now() / 1000))) {
        deleteItem(engine, row, item, TTL_IDENTITY);
        n++;
      }
    });
  }
  return n;
}

/** One sweep chain per clock: start hooks run again after a chapter reset. */
const running = new WeakSet<object>();

export function startTtl(engine: ServiceStart): void {
  if (running.has(engine.clock)) return;
  running.add(engine.clock);
  const tick = (): void => {
    try {
      sweepExpired(engine);
    } catch (e) {
      console.error('[nimbus] dynamodb ttl sweep failed', e);
    }
    engine.clock.at(engine.clock.now() + SWEEP_MS, tick);
  };
  engine.clock.at(engine.clock.now() + SWEEP_MS, tick);
}
