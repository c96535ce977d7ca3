import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { groupOutput, listGroups, tagsOf } from './state/groups';
import { page } from './state/paging';

export const DescribeAutoScalingGroups = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeAutoScalingGroups'>) => {
  let rows = listGroups(ctx);
  if (input.AutoScalingGroupNames?.length) rows = rows.filter((g) => input.AutoScalingGroupNames!.includes(g.name));
  for (const f of input.Filters ?? []) {
    const values = f.Values ?? [];
    if (f.Name === 'tag-key') rows = rows.filter((g) => tagsOf(ctx, g.name).some((t) => values.includes(t.key)));
    else if (f.Name === 'tag-value') rows = rows.filter((g) => tagsOf(ctx, g.name).some((t) => values.includes(t.value)));
    else if (f.Name?.startsWith('tag:')) rows = rows.filter((g) => tagsOf(ctx, g.name).some((t) => t.key === f.Name!.slice(4) && values.includes(t.value)));
  }
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return { AutoScalingGroups: items.map((g) => groupOutput(ctx, g)), ...(next ? { NextToken: next } : {}) };
};
