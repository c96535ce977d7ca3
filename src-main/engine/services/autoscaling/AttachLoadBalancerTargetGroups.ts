import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkTargetGroups } from './state/checks';
import { getGroup, list } from './state/groups';
import { instancesOf } from './state/instances';

/** The group's InService instances are registered with the new target groups after the call. */
export const AttachLoadBalancerTargetGroups = (ctx: Ctx, input: OperationInput<'autoscaling', 'AttachLoadBalancerTargetGroups'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  checkTargetGroups(ctx, input.TargetGroupARNs);
  const tgs = [...new Set([...list(g.target_groups), ...input.TargetGroupARNs])];
  ctx.store.stmt('UPDATE autoscaling_groups SET target_groups = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(tgs), ctx.accountId, ctx.region, g.name);
  const ids = instancesOf(ctx, g.name).filter((i) => i.lifecycle === 'InService').map((i) => ({ Id: i.instance_id }));
  if (ids.length) {
    const { call, region } = ctx;
    const principal = servicePrincipal(ctx.accountId, 'autoscaling');
    setImmediate(() => {
      for (const tg of input.TargetGroupARNs) void call(principal, 'elasticloadbalancingv2', 'RegisterTargets', { TargetGroupArn: tg, Targets: ids }, { region, source: 'internal' }).catch(() => undefined);
    });
  }
  return {};
};
