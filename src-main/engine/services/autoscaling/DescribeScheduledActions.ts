import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './state/paging';
import { scheduledOutput, type ScheduledRow } from './state/scheduled';

export const DescribeScheduledActions = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeScheduledActions'>) => {
  let rows = ctx.store.stmt('SELECT * FROM autoscaling_scheduled_actions WHERE account_id = ? AND region = ? ORDER BY group_name, name').all(ctx.accountId, ctx.region) as ScheduledRow[];
  if (input.AutoScalingGroupName) rows = rows.filter((r) => r.group_name === input.AutoScalingGroupName);
  if (input.ScheduledActionNames?.length) rows = rows.filter((r) => input.ScheduledActionNames!.includes(r.name));
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return { ScheduledUpdateGroupActions: items.map(scheduledOutput), ...(next ? { NextToken: next } : {}) };
};
