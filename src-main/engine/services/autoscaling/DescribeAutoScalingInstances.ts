import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { instanceOutput, type GroupInstanceRow } from './state/instances';
import { page } from './state/paging';

export const DescribeAutoScalingInstances = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeAutoScalingInstances'>) => {
  let rows = ctx.store.stmt('SELECT * FROM autoscaling_instances WHERE account_id = ? AND region = ? ORDER BY group_name, launched_at').all(ctx.accountId, ctx.region) as GroupInstanceRow[];
  if (input.InstanceIds?.length) rows = rows.filter((r) => input.InstanceIds!.includes(r.instance_id));
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return { AutoScalingInstances: items.map((i) => instanceOutput(i, true)), ...(next ? { NextToken: next } : {}) };
};
