import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { activityOutput, type ActivityRow } from './state/activities';
import { findGroup } from './state/groups';
import { page } from './state/paging';

/** Newest first, as AWS lists them. */
export const DescribeScalingActivities = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeScalingActivities'>) => {
  let rows = ctx.store.stmt('SELECT * FROM autoscaling_activities WHERE account_id = ? AND region = ? ORDER BY seq DESC').all(ctx.accountId, ctx.region) as ActivityRow[];
  if (input.AutoScalingGroupName) rows = rows.filter((r) => r.group_name === input.AutoScalingGroupName);
  if (input.ActivityIds?.length) rows = rows.filter((r) => input.ActivityIds!.includes(r.activity_id));
  const { items, next } = page(rows, input.NextToken, input.MaxRecords ?? 100);
  return { Activities: items.map((a) => activityOutput(a, findGroup(ctx, a.group_name)?.arn)), ...(next ? { NextToken: next } : {}) };
};
