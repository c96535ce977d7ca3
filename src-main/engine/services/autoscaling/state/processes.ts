/** Suspending and resuming a group's processes (Launch, Terminate, HealthCheck, ReplaceUnhealthy, ...). */
import type { Ctx } from '../../../core/provider';
import { validationError } from '../errors';
import { getGroup } from './groups';

export const PROCESSES = ['Launch', 'Terminate', 'AddToLoadBalancer', 'AlarmNotification', 'AZRebalance', 'HealthCheck', 'InstanceRefresh', 'ReplaceUnhealthy', 'ScheduledActions'];

export function changeProcesses(ctx: Ctx, group: string, names: readonly string[] | undefined, suspend: boolean): void {
  const g = getGroup(ctx, group);
  for (const n of names ?? []) if (!PROCESSES.includes(n)) throw validationError(`Process names should be one of [${PROCESSES.join(', ')}]`);
  const current = new Set(JSON.parse(g.suspended) as string[]);
  for (const n of names?.length ? names : PROCESSES) {
    if (suspend) current.add(n);
    else current.delete(n);
  }
  ctx.store.stmt('UPDATE autoscaling_groups SET suspended = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify([...current]), ctx.accountId, ctx.region, g.name);
}
