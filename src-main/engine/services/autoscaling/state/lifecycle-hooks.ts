/**
 * Lifecycle hooks: a launching instance waits in Pending:Wait, a terminating one in
 * Terminating:Wait, until every hook of that transition has its result (CompleteLifecycleAction)
 * or its heartbeat timeout passes on the simulated clock (then the hook's DefaultResult applies).
 * Each wait is announced to the hook's SQS queue or SNS topic through the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { validationError } from '../errors';
import { stamp } from './names';

export const LAUNCHING = 'autoscaling:EC2_INSTANCE_LAUNCHING';
export const TERMINATING = 'autoscaling:EC2_INSTANCE_TERMINATING';
/** AWS caps the wait at 100 heartbeats or 48 hours, whichever is shorter. */
const MAX_GLOBAL_S = 172_800;

export interface HookRow {
  account_id: string;
  region: string;
  group_name: string;
  name: string;
  transition: string;
  target_arn: string | null;
  role_arn: string | null;
  metadata: string | null;
  heartbeat_timeout: number;
  default_result: 'CONTINUE' | 'ABANDON';
}

export interface ActionRow {
  group_name: string;
  hook_name: string;
  instance_id: string;
  transition: string;
  token: string;
  started_at: number;
  deadline: number;
  global_deadline: number;
  result: string | null;
}

export const hooksOf = (ctx: Ctx, group: string, transition?: string): HookRow[] =>
  (ctx.store.stmt('SELECT * FROM autoscaling_lifecycle_hooks WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY name').all(ctx.accountId, ctx.region, group) as HookRow[]).filter(
    (h) => transition === undefined || h.transition === transition,
  );

export function hookOutput(h: HookRow) {
  return {
    LifecycleHookName: h.name,
    AutoScalingGroupName: h.group_name,
    LifecycleTransition: h.transition,
    ...(h.target_arn ? { NotificationTargetARN: h.target_arn } : {}),
    ...(h.role_arn ? { RoleARN: h.role_arn } : {}),
    ...(h.metadata !== null ? { NotificationMetadata: h.metadata } : {}),
    HeartbeatTimeout: h.heartbeat_timeout,
    GlobalTimeout: Math.min(h.heartbeat_timeout * 100, MAX_GLOBAL_S),
    DefaultResult: h.default_result,
  };
}

export interface HookSpec {
  LifecycleHookName: string;
  LifecycleTransition?: string;
  NotificationTargetARN?: string;
  RoleARN?: string;
  NotificationMetadata?: string;
  HeartbeatTimeout?: number;
  DefaultResult?: string;
}

/** Creates or updates a hook (members not given keep their value). */
export function putHook(ctx: Ctx, g: { name: string; arn: string }, spec: HookSpec): void {
  const group = g.name;
  const old = hooksOf(ctx, group).find((h) => h.name === spec.LifecycleHookName);
  const transition = spec.LifecycleTransition ?? old?.transition;
  if (!transition) throw validationError('A lifecycle transition must be specified when creating a lifecycle hook.');
  if (transition !== LAUNCHING && transition !== TERMINATING)
    throw validationError(`Invalid value '${transition}' for LifecycleTransition. Valid values are ${LAUNCHING} and ${TERMINATING}.`);
  const heartbeat = spec.HeartbeatTimeout ?? old?.heartbeat_timeout ?? 3600;
  if (heartbeat < 30 || heartbeat > 7200) throw validationError(`Heartbeat timeout must be between 30 and 7200 seconds; ${heartbeat} is not.`);
  const result = spec.DefaultResult ?? old?.default_result ?? 'ABANDON';
  if (result !== 'CONTINUE' && result !== 'ABANDON') throw validationError(`Invalid value '${result}' for DefaultResult. Valid values are CONTINUE and ABANDON.`);
  if (!old && hooksOf(ctx, group).length >= 50) throw validationError('A group can have at most 50 lifecycle hooks.');
  const target = spec.NotificationTargetARN ?? old?.target_arn ?? null;
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_lifecycle_hooks (account_id, region, group_name, name, transition, target_arn, role_arn, metadata, heartbeat_timeout, default_result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, group_name, name) DO UPDATE SET transition = excluded.transition, target_arn = excluded.target_arn,
         role_arn = excluded.role_arn, metadata = excluded.metadata, heartbeat_timeout = excluded.heartbeat_timeout, default_result = excluded.default_result`,
    )
    .run(ctx.accountId, ctx.region, group, spec.LifecycleHookName, transition, target, spec.RoleARN ?? old?.role_arn ?? null, spec.NotificationMetadata ?? old?.metadata ?? null, heartbeat, result);
  // AWS checks a new target with a test message.
  if (target && target !== old?.target_arn) {
    enqueue(ctx, group, target, 'Auto Scaling: test notification', {
      AccountId: ctx.accountId,
      RequestId: randomUUID(),
      AutoScalingGroupARN: g.arn,
      AutoScalingGroupName: group,
      Service: 'AWS Auto Scaling',
      Event: 'autoscaling:TEST_NOTIFICATION',
      Time: new Date(ctx.clock.now()).toISOString(),
    });
  }
}

export function enqueue(ctx: Ctx, group: string, target: string, subject: string, message: Record<string, unknown>): void {
  ctx.store
    .stmt('INSERT INTO autoscaling_outbox (account_id, region, group_name, target_arn, subject, message) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, group, target, subject, JSON.stringify(message));
}

/** Starts the waits of `transition` for an instance; false when the group has no such hook. */
export function startActions(ctx: Ctx, group: string, instanceId: string, transition: string): boolean {
  const hooks = hooksOf(ctx, group, transition);
  const now = ctx.clock.now();
  for (const h of hooks) {
    const token = randomUUID();
    ctx.store
      .stmt(
        `INSERT OR REPLACE INTO autoscaling_lifecycle_actions (account_id, region, group_name, hook_name, instance_id, transition, token, started_at, deadline, global_deadline, result)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(ctx.accountId, ctx.region, group, h.name, instanceId, transition, token, now, now + h.heartbeat_timeout * 1000, now + Math.min(h.heartbeat_timeout * 100, MAX_GLOBAL_S) * 1000);
    if (h.target_arn) {
      const what = transition === LAUNCHING ? 'LAUNCHING' : 'TERMINATING';
      enqueue(ctx, group, h.target_arn, `Auto Scaling:  Lifecycle action '${what}' for instance ${instanceId} in progress.`, {
        Origin: transition === LAUNCHING ? 'EC2' : 'AutoScalingGroup',
        Destination: transition === LAUNCHING ? 'AutoScalingGroup' : 'EC2',
        LifecycleHookName: h.name,
        AccountId: ctx.accountId,
        RequestId: randomUUID(),
        LifecycleTransition: transition,
        AutoScalingGroupName: group,
        Service: 'AWS Auto Scaling',
        Time: new Date(now).toISOString(),
        EC2InstanceId: instanceId,
        LifecycleActionToken: token,
        ...(h.metadata !== null ? { NotificationMetadata: h.metadata } : {}),
      });
    }
  }
  return hooks.length > 0;
}

/**
 * Where an instance's waits stand: 'wait' while any hook has neither a result nor a passed
 * deadline; otherwise ABANDON if any hook abandoned, else CONTINUE (the rows are then removed).
 */
export function settle(ctx: Ctx, instanceId: string): 'wait' | 'CONTINUE' | 'ABANDON' {
  const now = ctx.clock.now();
  const rows = ctx.store.stmt('SELECT a.*, h.default_result FROM autoscaling_lifecycle_actions a LEFT JOIN autoscaling_lifecycle_hooks h ON h.account_id = a.account_id AND h.region = a.region AND h.group_name = a.group_name AND h.name = a.hook_name WHERE a.account_id = ? AND a.region = ? AND a.instance_id = ?').all(ctx.accountId, ctx.region, instanceId) as (ActionRow & { default_result: string | null })[];
  const results = rows.map((r) => r.result ?? (now >= Math.min(r.deadline, r.global_deadline) || r.default_result === null ? (r.default_result ?? 'CONTINUE') : undefined));
  if (results.some((r) => r === undefined)) return 'wait';
  ctx.store.stmt('DELETE FROM autoscaling_lifecycle_actions WHERE account_id = ? AND region = ? AND instance_id = ?').run(ctx.accountId, ctx.region, instanceId);
  return results.includes('ABANDON') ? 'ABANDON' : 'CONTINUE';
}

/** The wait a CompleteLifecycleAction or RecordLifecycleActionHeartbeat names (by token or instance). */
export function findAction(ctx: Ctx, input: { AutoScalingGroupName: string; LifecycleHookName: string; LifecycleActionToken?: string; InstanceId?: string }): ActionRow {
  if (!hooksOf(ctx, input.AutoScalingGroupName).some((h) => h.name === input.LifecycleHookName))
    throw validationError(`No Lifecycle Hook found with name ${input.LifecycleHookName} for group ${input.AutoScalingGroupName}`);
  if (!input.LifecycleActionToken && !input.InstanceId) throw validationError('Either LifecycleActionToken or InstanceId must be specified.');
  const rows = ctx.store
    .stmt('SELECT * FROM autoscaling_lifecycle_actions WHERE account_id = ? AND region = ? AND group_name = ? AND hook_name = ? AND result IS NULL AND deadline > ?')
    .all(ctx.accountId, ctx.region, input.AutoScalingGroupName, input.LifecycleHookName, ctx.clock.now()) as ActionRow[];
  const row = rows.find((r) => (input.LifecycleActionToken ? r.token === input.LifecycleActionToken : r.instance_id === input.InstanceId));
  if (!row) throw validationError(input.LifecycleActionToken ? `No active Lifecycle Action found with token ${input.LifecycleActionToken}` : `No active Lifecycle Action found with instance ID ${input.InstanceId}`);
  return row;
}

export const abandonCause = (instanceId: string, at: number) => `At ${stamp(at)} instance ${instanceId} was taken out of service because a lifecycle hook ended its launch with ABANDON.`;
