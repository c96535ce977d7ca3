/** Scaling activities: what the group did and why, in AWS's words (DescribeScalingActivities). */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';

export interface ActivityRow {
  seq: number;
  activity_id: string;
  group_name: string;
  description: string;
  cause: string;
  start_time: number;
  end_time: number | null;
  status: string;
  status_message: string | null;
  progress: number;
  details: string;
}

export function addActivity(
  ctx: Ctx,
  a: { group: string; description: string; cause: string; status: 'Successful' | 'Failed' | 'InProgress' | 'MidLifecycleAction' | 'WaitingForSpotInstanceId'; message?: string; details?: Record<string, string>; start?: number },
): string {
  const id = randomUUID();
  const now = ctx.clock.now();
  ctx.store
    .stmt(
      `INSERT INTO autoscaling_activities (account_id, region, activity_id, group_name, description, cause, start_time, end_time, status, status_message, progress, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, id, a.group, a.description, a.cause, a.start ?? now, a.status === 'InProgress' || a.status === 'MidLifecycleAction' ? null : now, a.status, a.message ?? null, a.status === 'InProgress' ? 50 : a.status === 'MidLifecycleAction' ? 30 : 100, JSON.stringify(a.details ?? {}));
  return id;
}

export function finishActivity(ctx: Ctx, id: string, status: 'Successful' | 'Failed', message?: string): void {
  ctx.store.stmt('UPDATE autoscaling_activities SET status = ?, status_message = ?, end_time = ?, progress = 100 WHERE activity_id = ?').run(status, message ?? null, ctx.clock.now(), id);
}

export function activityOutput(a: ActivityRow, groupArn?: string) {
  return {
    ActivityId: a.activity_id,
    AutoScalingGroupName: a.group_name,
    Description: a.description,
    Cause: a.cause,
    StartTime: new Date(a.start_time),
    ...(a.end_time !== null ? { EndTime: new Date(a.end_time) } : {}),
    StatusCode: a.status,
    ...(a.status_message ? { StatusMessage: a.status_message } : {}),
    Progress: a.progress,
    Details: a.details,
    ...(groupArn ? { AutoScalingGroupARN: groupArn } : {}),
  };
}
