import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { invalidTarget } from './errors';
import { getTargetGroup } from './state/target-groups';
import { deregisterTarget, targetsOf } from './state/targets';

export const DeregisterTargets = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'DeregisterTargets'>) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn);
  const registered = targetsOf(ctx, tg.arn);
  const missing = input.Targets.filter((t) => !registered.some((r) => r.target_id === t.Id && (t.Port === undefined || r.port === t.Port)));
  if (missing.length) throw invalidTarget(`The following targets are not registered in target group '${tg.arn}': '${missing.map((t) => t.Id).join(', ')}'`);
  for (const t of input.Targets) {
    for (const r of registered.filter((x) => x.target_id === t.Id && (t.Port === undefined || x.port === t.Port))) deregisterTarget(ctx, tg, r.target_id, r.port);
  }
  return {};
};
