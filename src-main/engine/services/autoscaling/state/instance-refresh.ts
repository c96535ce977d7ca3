/**
 * Instance refresh (a rolling replacement of a group's instances): in each reconciler pass, once
 * every instance is InService and past its warm-up, as many of the instances the refresh started
 * with are terminated as MinHealthyPercentage allows (at least one); the group's ordinary launch
 * step replaces them from its current launch template or configuration.
 */
import type { Ctx } from '../../../core/provider';
import { list, type GroupRow } from './groups';
import { instancesOf, type GroupInstanceRow } from './instances';
import { stamp } from './names';

export interface RefreshRow {
  group_name: string;
  id: string;
  status: string;
  status_reason: string | null;
  preferences: string;
  to_replace: string;
  start_time: number;
  end_time: number | null;
}

export interface RefreshPreferences {
  MinHealthyPercentage: number;
  InstanceWarmup: number;
  SkipMatching: boolean;
}

export const refreshesOf = (ctx: Ctx, group: string): RefreshRow[] =>
  ctx.store.stmt('SELECT * FROM autoscaling_instance_refreshes WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY start_time DESC, id').all(ctx.accountId, ctx.region, group) as RefreshRow[];

export const activeRefresh = (ctx: Ctx, group: string): RefreshRow | undefined => refreshesOf(ctx, group).find((r) => r.status === 'Pending' || r.status === 'InProgress');

/** Does the instance already run what the group launches now (SkipMatching)? */
export function matchesGroup(g: GroupRow, i: GroupInstanceRow): boolean {
  if (g.launch_template) {
    const want = JSON.parse(g.launch_template) as { LaunchTemplateId: string; Version: string };
    const got = i.launch_template ? (JSON.parse(i.launch_template) as { LaunchTemplateId: string; Version: string }) : undefined;
    return got?.LaunchTemplateId === want.LaunchTemplateId && (want.Version.startsWith('$') ? false : got.Version === want.Version);
  }
  return i.launch_configuration === g.launch_configuration;
}

function progress(ctx: Ctx, r: RefreshRow): number {
  const all = list(r.to_replace);
  if (all.length === 0) return 100;
  const left = instancesOf(ctx, r.group_name).filter((i) => all.includes(i.instance_id)).length;
  return Math.floor(((all.length - left) / all.length) * 100);
}

export function refreshOutput(ctx: Ctx, r: RefreshRow) {
  const prefs = JSON.parse(r.preferences) as RefreshPreferences;
  const pct = r.status === 'Successful' ? 100 : progress(ctx, r);
  return {
    InstanceRefreshId: r.id,
    AutoScalingGroupName: r.group_name,
    Status: r.status,
    ...(r.status_reason ? { StatusReason: r.status_reason } : {}),
    StartTime: new Date(r.start_time),
    ...(r.end_time !== null ? { EndTime: new Date(r.end_time) } : {}),
    PercentageComplete: pct,
    InstancesToUpdate: r.status === 'Successful' || r.status === 'Cancelled' ? 0 : list(r.to_replace).length - Math.round((pct / 100) * list(r.to_replace).length),
    Preferences: { MinHealthyPercentage: prefs.MinHealthyPercentage, InstanceWarmup: prefs.InstanceWarmup, SkipMatching: prefs.SkipMatching },
  };
}

/**
 * One step of the group's refresh inside a reconciler pass: the instances to take out now
 * (`terminate` marks each with the cause), or none while replacements warm up.
 */
export function stepRefresh(ctx: Ctx, g: GroupRow, terminate: (i: GroupInstanceRow, cause: string) => void): void {
  const r = activeRefresh(ctx, g.name);
  if (!r) return;
  const now = ctx.clock.now();
  const prefs = JSON.parse(r.preferences) as RefreshPreferences;
  const set = (status: string, end: number | null) =>
    ctx.store.stmt('UPDATE autoscaling_instance_refreshes SET status = ?, end_time = ? WHERE account_id = ? AND region = ? AND id = ?').run(status, end, ctx.accountId, ctx.region, r.id);
  if (r.status === 'Pending') set('InProgress', null);
  const instances = instancesOf(ctx, g.name);
  const old = instances.filter((i) => list(r.to_replace).includes(i.instance_id) && !i.lifecycle.startsWith('Terminating'));
  const settled = instances.every((i) => i.lifecycle === 'InService' && (list(r.to_replace).includes(i.instance_id) || now >= i.launched_at + prefs.InstanceWarmup * 1000));
  if (old.length === 0) {
    if (settled) set('Successful', now);
    return;
  }
  if (!settled || instances.length < g.desired) return;
  const minHealthy = Math.ceil((g.desired * prefs.MinHealthyPercentage) / 100);
  const batch = Math.max(1, instances.length - minHealthy);
  for (const i of old.slice(0, batch)) {
    terminate(i, `At ${stamp(now)} an instance was taken out of service in response to an instance refresh.  At ${stamp(now)} instance ${i.instance_id} was selected for termination.`);
  }
}
