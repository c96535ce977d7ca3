/** Scalable targets and policies as rows, and their API shapes. */
import type { Ctx } from '../../../core/provider';

type Scope = Pick<Ctx, 'store' | 'accountId' | 'region'>;

export interface TargetRow {
  namespace: string;
  resource_id: string;
  dimension: string;
  min_capacity: number;
  max_capacity: number;
  role_arn: string;
  arn: string;
  created_at: number;
  suspended: string | null;
}
export interface PolicyRow {
  namespace: string;
  resource_id: string;
  dimension: string;
  name: string;
  arn: string;
  type: string;
  config: string;
  created_at: number;
  last_scale_out: number | null;
  last_scale_in: number | null;
}

export function findTarget(ctx: Scope, ns: string, resourceId: string, dim: string): TargetRow | undefined {
  return ctx.store
    .stmt(
      'SELECT * FROM aas_targets WHERE account_id = ? AND region = ? AND namespace = ? AND resource_id = ? AND dimension = ?',
    )
    .get(ctx.accountId, ctx.region, ns, resourceId, dim) as TargetRow | undefined;
}

export function listTargets(ctx: Scope, ns: string): TargetRow[] {
  return ctx.store
    .stmt(
      'SELECT * FROM aas_targets WHERE account_id = ? AND region = ? AND namespace = ? ORDER BY created_at, resource_id, dimension',
    )
    .all(ctx.accountId, ctx.region, ns) as TargetRow[];
}

export function listPolicies(ctx: Scope, ns: string): PolicyRow[] {
  return ctx.store
    .stmt('SELECT * FROM aas_policies WHERE account_id = ? AND region = ? AND namespace = ? ORDER BY created_at, name')
    .all(ctx.accountId, ctx.region, ns) as PolicyRow[];
}

export const targetOut = (t: TargetRow) => ({
  ServiceNamespace: t.namespace,
  ResourceId: t.resource_id,
  ScalableDimension: t.dimension,
  MinCapacity: t.min_capacity,
  MaxCapacity: t.max_capacity,
  RoleARN: t.role_arn,
  CreationTime: new Date(t.created_at),
  SuspendedState: t.suspended
    ? (JSON.parse(t.suspended) as object)
    : { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
  ScalableTargetARN: t.arn,
});

/** The CloudWatch alarms AWS creates for a target-tracking policy (names only: the lab evaluates directly). */
export function trackingAlarms(region: string, accountId: string, p: Pick<PolicyRow, 'resource_id' | 'arn'>) {
  const id = p.arn.split(':')[6] ?? '';
  const base = `TargetTracking-${p.resource_id}`;
  return ['AlarmHigh', 'AlarmLow'].map((k) => {
    const name = `${base}-${k}-${id}`;
    return { AlarmName: name, AlarmARN: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}` };
  });
}

export const policyOut = (ctx: Scope, p: PolicyRow) => ({
  PolicyARN: p.arn,
  PolicyName: p.name,
  ServiceNamespace: p.namespace,
  ResourceId: p.resource_id,
  ScalableDimension: p.dimension,
  PolicyType: p.type,
  ...(p.type === 'TargetTrackingScaling'
    ? { TargetTrackingScalingPolicyConfiguration: JSON.parse(p.config) as object }
    : { StepScalingPolicyConfiguration: JSON.parse(p.config) as object }),
  Alarms: p.type === 'TargetTrackingScaling' ? trackingAlarms(ctx.region, ctx.accountId, p) : [],
  CreationTime: new Date(p.created_at),
});
