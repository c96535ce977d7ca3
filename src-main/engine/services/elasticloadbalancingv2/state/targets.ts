/**
 * Registered targets and their health, AWS's state machine:
 *   initial (Elb.RegistrationInProgress, then Elb.InitialHealthChecking) → healthy after one passed
 *   check, → unhealthy after UnhealthyThresholdCount failed ones; healthy ↔ unhealthy after the
 *   threshold of consecutive results; deregistered → draining for the deregistration delay → gone.
 * What the checks find is written by health.ts; what Describe shows also depends on whether a
 * listener uses the group and whether the instance runs (`unused`).
 */
import type { Ctx } from '../../../core/provider';
import { instanceInfo } from '../../ec2/index';
import { attributesOf, loadBalancersOfGroup, type TargetGroupRow } from './target-groups';

export interface TargetRow {
  id: number;
  tg_arn: string;
  target_id: string;
  port: number;
  zone: string | null;
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  reason: string | null;
  description: string | null;
  passes: number;
  fails: number;
  registered_at: number;
  next_check_at: number;
  draining_until: number | null;
}

export interface TargetHealth {
  State: string;
  Reason?: string;
  Description?: string;
}

/** Drops targets whose draining is over. */
export function expireDraining(ctx: Ctx): void {
  ctx.store.stmt('DELETE FROM elbv2_targets WHERE draining_until IS NOT NULL AND draining_until <= ?').run(ctx.clock.now());
}

export const targetsOf = (ctx: Ctx, tgArn: string): TargetRow[] =>
  ctx.store.stmt('SELECT * FROM elbv2_targets WHERE tg_arn = ? ORDER BY id').all(tgArn) as TargetRow[];

export function registerTarget(ctx: Ctx, tg: TargetGroupRow, targetId: string, port: number, zone: string | null): void {
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO elbv2_targets (tg_arn, target_id, port, zone, state, reason, description, registered_at, next_check_at)
       VALUES (?, ?, ?, ?, 'initial', 'Elb.RegistrationInProgress', 'Target registration is in progress', ?, ?)
       ON CONFLICT (tg_arn, target_id, port) DO UPDATE SET state = 'initial', reason = excluded.reason, description = excluded.description,
         passes = 0, fails = 0, draining_until = NULL, registered_at = excluded.registered_at, next_check_at = excluded.next_check_at
       WHERE elbv2_targets.state = 'draining'`,
    )
    .run(tg.arn, targetId, port, zone, now, now);
}

export function deregisterTarget(ctx: Ctx, tg: TargetGroupRow, targetId: string, port: number): void {
  const inUse = loadBalancersOfGroup(ctx, tg.arn).length > 0;
  if (!inUse) {
    ctx.store.stmt('DELETE FROM elbv2_targets WHERE tg_arn = ? AND target_id = ? AND port = ?').run(tg.arn, targetId, port);
    return;
  }
  const delay = Number(attributesOf(tg)['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
  ctx.store
    .stmt(
      `UPDATE elbv2_targets SET state = 'draining', reason = 'Target.DeregistrationInProgress', description = 'Target deregistration is in progress', draining_until = ?
        WHERE tg_arn = ? AND target_id = ? AND port = ? AND state != 'draining'`,
    )
    .run(ctx.clock.now() + delay, tg.arn, targetId, port);
}

/** What DescribeTargetHealth shows for a registered target. */
export function healthOf(ctx: Ctx, tg: TargetGroupRow, t: TargetRow, inUse: boolean): TargetHealth {
  if (t.state === 'draining') return { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
  if (tg.target_type === 'instance') {
    const info = instanceInfo(ctx, t.target_id);
    if (!info || info.state === 'terminated') return { State: 'unused', Reason: 'Target.InvalidState', Description: 'Target is in the terminated state' };
    if (info.state === 'stopped' || info.state === 'stopping' || info.state === 'shutting-down')
      return { State: 'unused', Reason: 'Target.InvalidState', Description: `Target is in the ${info.state === 'stopping' ? 'stopped' : info.state === 'shutting-down' ? 'terminated' : info.state} state` };
  }
  if (!inUse) return { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' };
  if (tg.hc_enabled !== 1) return { State: 'unavailable', Reason: 'Elb.HealthCheckDisabled', Description: 'Health checks are disabled' };
  return { State: t.state, ...(t.reason ? { Reason: t.reason } : {}), ...(t.description ? { Description: t.description } : {}) };
}

export type ProbeResult = { ok: true } | { ok: false; reason: string; description: string };

/** One health check's result, applied to the target's counters and state. */
export function recordProbe(ctx: Ctx, tg: TargetGroupRow, t: TargetRow, result: ProbeResult): void {
  const now = ctx.clock.now();
  const next = now + tg.hc_interval * 1000;
  let { state, reason, description, passes, fails } = t;
  if (state === 'draining') return;
  if (result.ok) {
    passes += 1;
    fails = 0;
    if (state === 'initial' || (state === 'unhealthy' && passes >= tg.healthy_threshold)) {
      state = 'healthy';
      reason = null;
      description = null;
    }
  } else {
    fails += 1;
    passes = 0;
    if (state === 'initial' && reason === 'Elb.RegistrationInProgress') {
      reason = 'Elb.InitialHealthChecking';
      description = 'Initial health checks in progress';
    }
    if ((state === 'initial' || state === 'healthy') && fails >= tg.unhealthy_threshold) state = 'unhealthy';
    if (state === 'unhealthy') {
      reason = result.reason;
      description = result.description;
    }
  }
  ctx.store
    .stmt('UPDATE elbv2_targets SET state = ?, reason = ?, description = ?, passes = ?, fails = ?, next_check_at = ? WHERE id = ?')
    .run(state, reason, description, passes, fails, next, t.id);
}

/**
 * What Auto Scaling's ELB health check reads: the state of an instance in a target group as
 * DescribeTargetHealth would show it (undefined: the group or the registration does not exist).
 */
export function instanceTargetState(ctx: Ctx, tgArn: string, instanceId: string): string | undefined {
  const tg = ctx.store.stmt('SELECT * FROM elbv2_target_groups WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, tgArn) as TargetGroupRow | undefined;
  if (!tg) return undefined;
  const t = targetsOf(ctx, tg.arn).find((x) => x.target_id === instanceId);
  if (!t) return undefined;
  return healthOf(ctx, tg, t, loadBalancersOfGroup(ctx, tg.arn).length > 0).State;
}

export const targetGroupExists = (ctx: Ctx, tgArn: string): boolean =>
  ctx.store.stmt('SELECT 1 FROM elbv2_target_groups WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, tgArn) !== undefined;
