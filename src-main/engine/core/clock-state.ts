/**
 * Simulated time must not run backwards across restarts: a lab that ran at warp 50 for an hour is
 * days "ahead". The offset between simulated and real time is kept in lab_meta, saved on close and
 * every few seconds while running (a kill loses at most that much of the lead, never goes back).
 */
import type { Store } from '../store/store';
import type { Clock } from '../clock/clock';

const KEY = 'clock_offset_ms';

export function savedClockOffset(store: Store): number {
  const row = store.stmt('SELECT value FROM lab_meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  const n = row ? Number(row.value) : 0;
  return Number.isFinite(n) ? n : 0;
}

export function saveClockOffset(store: Store, clock: Clock, realNow = Date.now()): void {
  const offset = Math.round(clock.now() - realNow);
  store.stmt('INSERT INTO lab_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, String(offset));
}
