/** The instances a group owns, with their lifecycle state and health as Auto Scaling sees them. */
import type { Ctx } from '../../../core/provider';

export interface GroupInstanceRow {
  account_id: string;
  region: string;
  instance_id: string;
  group_name: string;
  zone: string;
  instance_type: string;
  lifecycle: 'Pending' | 'Pending:Wait' | 'InService' | 'Terminating' | 'Terminating:Wait' | 'Standby';
  health: 'Healthy' | 'Unhealthy';
  launch_configuration: string | null;
  launch_template: string | null;
  protected: number;
  launched_at: number;
  unhealthy_cause: string | null;
  hooks_done: number;
}

export const instancesOf = (ctx: Ctx, group: string): GroupInstanceRow[] =>
  ctx.store
    .stmt('SELECT * FROM autoscaling_instances WHERE account_id = ? AND region = ? AND group_name = ? ORDER BY launched_at, instance_id')
    .all(ctx.accountId, ctx.region, group) as GroupInstanceRow[];

export const findGroupInstance = (ctx: Ctx, instanceId: string): GroupInstanceRow | undefined =>
  ctx.store.stmt('SELECT * FROM autoscaling_instances WHERE account_id = ? AND region = ? AND instance_id = ?').get(ctx.accountId, ctx.region, instanceId) as GroupInstanceRow | undefined;

export function instanceOutput(i: GroupInstanceRow, withGroup = false) {
  return {
    InstanceId: i.instance_id,
    InstanceType: i.instance_type,
    ...(withGroup ? { AutoScalingGroupName: i.group_name } : {}),
    AvailabilityZone: i.zone,
    LifecycleState: i.lifecycle,
    HealthStatus: withGroup ? i.health.toUpperCase() : i.health,
    ...(i.launch_configuration ? { LaunchConfigurationName: i.launch_configuration } : {}),
    ...(i.launch_template ? { LaunchTemplate: JSON.parse(i.launch_template) as Record<string, string> } : {}),
    ProtectedFromScaleIn: i.protected === 1,
  };
}
