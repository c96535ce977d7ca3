/** Scheduled actions (one-time or cron recurrence, §17.2.1): when due, they set the group's size. */
import type { Clock } from '../../../clock/clock';
import type { Store } from '../../../store/store';
import { asgCtx } from './context';
import { findGroup, setDesired } from './groups';
import { nextRun, parseCron } from './cron';

export interface ScheduledRow {
  account_id: string;
  region: string;
  group_name: string;
  name: string;
  arn: string;
  start_time: number | null;
  end_time: number | null;
  recurrence: string | null;
  min_size: number | null;
  max_size: number | null;
  desired: number | null;
  next_run: number | null;
}

export function scheduledOutput(r: ScheduledRow) {
  return {
    AutoScalingGroupName: r.group_name,
    ScheduledActionName: r.name,
    ScheduledActionARN: r.arn,
    ...(r.next_run !== null ? { Time: new Date(r.next_run), StartTime: new Date(r.next_run) } : r.start_time !== null ? { StartTime: new Date(r.start_time) } : {}),
    ...(r.end_time !== null ? { EndTime: new Date(r.end_time) } : {}),
    ...(r.recurrence ? { Recurrence: r.recurrence } : {}),
    ...(r.min_size !== null ? { MinSize: r.min_size } : {}),
    ...(r.max_size !== null ? { MaxSize: r.max_size } : {}),
    ...(r.desired !== null ? { DesiredCapacity: r.desired } : {}),
  };
}

/** Applies every due action and tells `changed` which groups it resized (for the reconciler). */
export function runScheduledActions(store: Store, clock: Clock, changed: (accountId: string, region: string, group: string) => void): void {
  const now = clock.now();
  const due = store.read(() => store.stmt('SELECT * FROM autoscaling_scheduled_actions WHERE next_run IS NOT NULL AND next_run <= ? ORDER BY next_run').all(now)) as ScheduledRow[];
  for (const a of due) {
    store.tx(() => {
      const ctx = asgCtx(store, clock, undefined, a.account_id, a.region);
      const g = findGroup(ctx, a.group_name);
      if (g) {
        const min = a.min_size ?? g.min_size;
        const max = a.max_size ?? g.max_size;
        const desired = Math.min(max, Math.max(min, a.desired ?? g.desired));
        setDesired(ctx, g, desired, `a scheduled action update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`, { min, max });
      }
      const cron = a.recurrence ? parseCron(a.recurrence) : undefined;
      const next = cron ? nextRun(cron, now) : undefined;
      if (next !== undefined && (a.end_time === null || next <= a.end_time))
        store.stmt('UPDATE autoscaling_scheduled_actions SET next_run = ? WHERE account_id = ? AND region = ? AND group_name = ? AND name = ?').run(next, a.account_id, a.region, a.group_name, a.name);
      else store.stmt('DELETE FROM autoscaling_scheduled_actions WHERE account_id = ? AND region = ? AND group_name = ? AND name = ?').run(a.account_id, a.region, a.group_name, a.name);
    });
    changed(a.account_id, a.region, a.group_name);
  }
}
