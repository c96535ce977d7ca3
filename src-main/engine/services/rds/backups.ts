/**
 * Automated backups on the simulated clock: every day in each instance's backup window (UTC
 * `hh:mm-hh:mm`) an automated snapshot of its folder, then the write log carries every second until
 * the next one; backups older than the retention period go (the oldest kept one is the earliest
 * restorable time). One clock wake-up per lab, at the next window start of any instance.
 */
import { rmSync } from 'node:fs';
import { enqueue, isServing, snapshotDir, type RdsRuntime } from './runtime';
import { automatedId, takeSnapshot } from './snapshot-job';
import type { InstanceRow } from './state/instances';

const DAY = 24 * 60 * 60_000;

/** The next start of `window` (`03:00-03:30`) after `now`. */
export function nextWindowStart(window: string, now: number): number {
  const m = /^(\d{2}):(\d{2})-/.exec(window);
  const h = m ? Number(m[1]) : 3;
  const min = m ? Number(m[2]) : 0;
  const d = new Date(now);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h, min);
  if (t <= now) t += DAY;
  return t;
}

const armed = new WeakMap<RdsRuntime, () => void>();

function newestBackup(rt: RdsRuntime, row: InstanceRow): number {
  const r = rt.store.stmt("SELECT MAX(created_at) AS t FROM rds_snapshots WHERE instance_resource_id = ? AND snapshot_type = 'automated'").get(row.resource_id) as { t: number | null };
  return r.t ?? 0;
}

function run(rt: RdsRuntime): void {
  if (!rt.store.db.open) return;
  const now = rt.clock.now();
  const rows = rt.store.stmt('SELECT * FROM rds_instances WHERE backup_retention > 0').all() as InstanceRow[];
  for (const row of rows) {
    // Due: the window has opened since the newest backup was taken, and the engine is there to back up.
    const due = nextWindowStart(row.backup_window, newestBackup(rt, row)) <= now;
    if (!due || !isServing(row, now) || row.status !== 'available') continue;
    const scope = { store: rt.store, clock: rt.clock, accountId: row.account_id, region: row.region, call: rt.call };
    rt.store.tx(() => {
      takeSnapshot(scope, row, automatedId(row, now), 'automated');
      rt.store.stmt("UPDATE rds_instances SET status = 'backing-up' WHERE resource_id = ? AND status = 'available'").run(row.resource_id);
      // Past the retention period: removed, keeping the newest of those (the base of the earliest restorable second).
      const old = rt.store
        .stmt("SELECT resource_id FROM rds_snapshots WHERE instance_resource_id = ? AND snapshot_type = 'automated' AND created_at < ? ORDER BY created_at DESC")
        .all(row.resource_id, now - row.backup_retention * DAY) as { resource_id: string }[];
      for (const o of old.slice(1)) {
        rt.store.stmt('DELETE FROM rds_snapshots WHERE resource_id = ?').run(o.resource_id);
        void enqueue(rt, row.resource_id, async () => rmSync(snapshotDir(rt, o.resource_id), { recursive: true, force: true }));
      }
    });
  }
  armBackups(rt);
}

/** (Re)arms the one wake-up at the next window start of any instance with backups. */
export function armBackups(rt: RdsRuntime): void {
  armed.get(rt)?.();
  const now = rt.clock.now();
  const windows = rt.store.stmt('SELECT DISTINCT backup_window FROM rds_instances WHERE backup_retention > 0').all() as { backup_window: string }[];
  if (windows.length === 0) return;
  const next = Math.min(...windows.map((w) => nextWindowStart(w.backup_window, now)));
  armed.set(rt, rt.clock.at(next, () => run(rt)));
}
