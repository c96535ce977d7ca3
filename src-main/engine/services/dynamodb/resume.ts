/**
 * After a restart the simulated clock resumes from its last saved offset, which a killed process
 * may have saved a few seconds before the kill: a table created just before would read as CREATING
 * again (and vanish from the data plane). Whatever was being created or updated has finished while
 * the lab was down, so on start every pending status completes.
 */
import type { ServiceStart } from '../../core/provider';
import type { TableSpec } from './state/tables';

export function settlePendingStatuses(engine: Pick<ServiceStart, 'store' | 'clock'>): void {
  const now = engine.clock.now();
  const rows = engine.store.stmt('SELECT id, spec FROM ddb_tables').all() as { id: number; spec: string }[];
  engine.store.tx(() => {
    for (const r of rows) {
      const spec = JSON.parse(r.spec) as TableSpec;
      const pending = spec.busyUntil > now || spec.gsis.some((g) => g.readyAt > now);
      if (!pending) continue;
      spec.busyUntil = Math.min(spec.busyUntil, now);
      for (const g of spec.gsis) g.readyAt = Math.min(g.readyAt, now);
      engine.store.stmt('UPDATE ddb_tables SET spec = ? WHERE id = ?').run(JSON.stringify(spec), r.id);
    }
  });
}
