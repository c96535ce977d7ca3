/** Retention on the simulated clock: once per simulated hour, events older than their group's retention are deleted. */
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';

const HOUR = 3_600_000;

export function startRetention(engine: { store: Store; clock: Clock }): void {
  const { store, clock } = engine;
  const tick = (at: number) =>
    clock.at(at, () => {
      if (!store.db.open) return;
      store.tx(() =>
        store
          .stmt(
            `DELETE FROM logs_events WHERE id IN (SELECT e.id FROM logs_events e JOIN logs_groups g ON g.account_id = e.account_id AND g.region = e.region AND g.name = e.grp
               WHERE g.retention_days IS NOT NULL AND e.ts < ? - g.retention_days * 86400000)`,
          )
          .run(at),
      );
      tick(at + HOUR);
    });
  tick(Math.floor(clock.now() / HOUR) * HOUR + HOUR);
}
