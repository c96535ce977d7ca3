import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup, list } from './state/groups';
import { instancesOf } from './state/instances';

export const DetachLoadBalancerTargetGroups = (ctx: Ctx, input: OperationInput<'autoscaling', 'DetachLoadBalancerTargetGroups'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const tgs = list(g.target_groups).filter((t) => !input.TargetGroupARNs.includes(t));
  ctx.store.stmt('UPDATE autoscaling_groups SET target_groups = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(tgs), ctx.accountId, ctx.region, g.name);
  const ids = instancesOf(ctx, g.name).map((i) => ({ Id: i.instance_id }));
  if (ids.length) {
    const { call, region } = ctx;
    const principal = servicePrincipal(ctx.accountId, 'autoscaling');
    setImmediate(() => {
      for (const tg of input.TargetGroupARNs) void call(principal, 'elasticloadbalancingv2', 'DeregisterTargets', { TargetGroupArn: tg, Targets: ids }, { region, source: 'internal' }).catch(() => undefined);
    });
  }
  return {};
};
