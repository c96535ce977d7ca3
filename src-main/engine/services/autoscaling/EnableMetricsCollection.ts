import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { validationError } from './errors';
import { getGroup } from './state/groups';
import { GROUP_METRICS } from './metrics';

export const EnableMetricsCollection = (ctx: Ctx, input: OperationInput<'autoscaling', 'EnableMetricsCollection'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  if (input.Granularity !== '1Minute') throw validationError(`Valid granularity is '1Minute'`);
  const names = input.Metrics?.length ? input.Metrics : GROUP_METRICS;
  for (const m of names) if (!GROUP_METRICS.includes(m)) throw validationError(`Invalid metric name: ${m}`);
  const current = new Set([...(JSON.parse(g.enabled_metrics) as string[]), ...names]);
  ctx.store.stmt('UPDATE autoscaling_groups SET enabled_metrics = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify([...current]), ctx.accountId, ctx.region, g.name);
  return {};
};
