import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { page } from './state/paging';

export const DescribeTags = (ctx: Ctx, input: OperationInput<'autoscaling', 'DescribeTags'>) => {
  let rows = ctx.store.stmt('SELECT group_name, key, value, propagate FROM autoscaling_tags WHERE account_id = ? AND region = ? ORDER BY group_name, key').all(ctx.accountId, ctx.region) as { group_name: string; key: string; value: string; propagate: number }[];
  for (const f of input.Filters ?? []) {
    const v = f.Values ?? [];
    if (f.Name === 'auto-scaling-group') rows = rows.filter((r) => v.includes(r.group_name));
    else if (f.Name === 'key') rows = rows.filter((r) => v.includes(r.key));
    else if (f.Name === 'value') rows = rows.filter((r) => v.includes(r.value));
    else if (f.Name === 'propagate-at-launch') rows = rows.filter((r) => v.includes(r.propagate === 1 ? 'true' : 'false'));
  }
  const { items, next } = page(rows, input.NextToken, input.MaxRecords);
  return {
    Tags: items.map((r) => ({ ResourceId: r.group_name, ResourceType: 'auto-scaling-group', Key: r.key, Value: r.value, PropagateAtLaunch: r.propagate === 1 })),
    ...(next ? { NextToken: next } : {}),
  };
};
