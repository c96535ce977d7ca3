import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup } from './state/groups';

export const DisableMetricsCollection = (ctx: Ctx, input: OperationInput<'autoscaling', 'DisableMetricsCollection'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const off = new Set(input.Metrics?.length ? input.Metrics : (JSON.parse(g.enabled_metrics) as string[]));
  const left = (JSON.parse(g.enabled_metrics) as string[]).filter((m) => !off.has(m));
  ctx.store.stmt('UPDATE autoscaling_groups SET enabled_metrics = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(left), ctx.accountId, ctx.region, g.name);
  return {};
};
