/** Auto Scaling groups: rows, lookups, the API's shape, and desired-capacity changes with their cause. */
import type { Ctx } from '../../../core/provider';
import { groupNotFound, validationError } from '../errors';
import { instancesOf, instanceOutput } from './instances';
import { stamp } from './names';

export interface GroupRow {
  account_id: string;
  region: string;
  name: string;
  arn: string;
  launch_configuration: string | null;
  /** JSON: { LaunchTemplateId, LaunchTemplateName, Version } */
  launch_template: string | null;
  min_size: number;
  max_size: number;
  desired: number;
  default_cooldown: number;
  zones: string;
  subnets: string;
  target_groups: string;
  load_balancers: string;
  health_check_type: string;
  grace_period: number;
  termination_policies: string;
  protect_new: number;
  suspended: string;
  enabled_metrics: string;
  created_at: number;
  deleting: number;
  pending_cause: string | null;
  cooldown_until: number;
}

export const listGroups = (ctx: Ctx): GroupRow[] =>
  ctx.store.stmt('SELECT * FROM autoscaling_groups WHERE account_id = ? AND region = ? ORDER BY name').all(ctx.accountId, ctx.region) as GroupRow[];

export const findGroup = (ctx: Ctx, name: string): GroupRow | undefined =>
  ctx.store.stmt('SELECT * FROM autoscaling_groups WHERE account_id = ? AND region = ? AND name = ?').get(ctx.accountId, ctx.region, name) as GroupRow | undefined;

/** Groups are named by name or by ARN. */
export function getGroup(ctx: Ctx, nameOrArn: string): GroupRow {
  const name = nameOrArn.startsWith('arn:') ? (/autoScalingGroupName\/(.+)$/.exec(nameOrArn)?.[1] ?? '') : nameOrArn;
  const g = findGroup(ctx, name);
  if (!g) throw groupNotFound(name);
  return g;
}

export const list = (json: string): string[] => JSON.parse(json) as string[];

/** Changes the desired capacity and remembers why, for the activity that follows. */
export function setDesired(ctx: Ctx, g: GroupRow, desired: number, why: string, extra: { min?: number; max?: number } = {}): void {
  const min = extra.min ?? g.min_size;
  const max = extra.max ?? g.max_size;
  if (desired < min) throw validationError(`New SetDesiredCapacity value ${desired} is below min value ${min} for the AutoScalingGroup.`);
  if (desired > max) throw validationError(`New SetDesiredCapacity value ${desired} is above max value ${max} for the AutoScalingGroup.`);
  const cause = desired !== g.desired ? `At ${stamp(ctx.clock.now())} ${why} changing the desired capacity from ${g.desired} to ${desired}.` : g.pending_cause;
  ctx.store
    .stmt('UPDATE autoscaling_groups SET desired = ?, min_size = ?, max_size = ?, pending_cause = ? WHERE account_id = ? AND region = ? AND name = ?')
    .run(desired, min, max, cause, ctx.accountId, ctx.region, g.name);
}

export function tagsOf(ctx: Ctx, group: string) {
  return ctx.store
    .stmt('SELECT key, value, propagate FROM autoscaling_tags WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY key')
    .all(ctx.accountId, ctx.region, group) as { key: string; value: string; propagate: number }[];
}

export function putTag(ctx: Ctx, group: string, key: string, value: string, propagate: boolean): void {
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_tags (account_id, region, group_name, key, value, propagate) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, region, group_name, key) DO UPDATE SET value = excluded.value, propagate = excluded.propagate`,
    )
    .run(ctx.accountId, ctx.region, group, key, value, propagate ? 1 : 0);
}

export function groupOutput(ctx: Ctx, g: GroupRow) {
  const lt = g.launch_template ? (JSON.parse(g.launch_template) as Record<string, string>) : undefined;
  return {
    AutoScalingGroupName: g.name,
    AutoScalingGroupARN: g.arn,
    ...(g.launch_configuration ? { LaunchConfigurationName: g.launch_configuration } : {}),
    ...(lt ? { LaunchTemplate: lt } : {}),
    MinSize: g.min_size,
    MaxSize: g.max_size,
    DesiredCapacity: g.desired,
    DefaultCooldown: g.default_cooldown,
    AvailabilityZones: list(g.zones),
    LoadBalancerNames: list(g.load_balancers),
    TargetGroupARNs: list(g.target_groups),
    HealthCheckType: g.health_check_type,
    HealthCheckGracePeriod: g.grace_period,
    Instances: instancesOf(ctx, g.name).map((i) => instanceOutput(i)),
    CreatedTime: new Date(g.created_at),
    SuspendedProcesses: (JSON.parse(g.suspended) as string[]).map((p) => ({ ProcessName: p, SuspensionReason: 'User suspended at ' + stamp(g.created_at) })),
    VPCZoneIdentifier: list(g.subnets).join(','),
    EnabledMetrics: (JSON.parse(g.enabled_metrics) as string[]).map((m) => ({ Metric: m, Granularity: '1Minute' })),
    ...(g.deleting ? { Status: 'Delete in progress' } : {}),
    Tags: tagsOf(ctx, g.name).map((t) => ({ ResourceId: g.name, ResourceType: 'auto-scaling-group', Key: t.key, Value: t.value, PropagateAtLaunch: t.propagate === 1 })),
    TerminationPolicies: list(g.termination_policies),
    NewInstancesProtectedFromScaleIn: g.protect_new === 1,
    ServiceLinkedRoleARN: `arn:aws:iam::${g.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
  };
}
