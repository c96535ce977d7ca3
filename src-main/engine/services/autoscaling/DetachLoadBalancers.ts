import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { getGroup, list } from './state/groups';
import { instancesOf } from './state/instances';

export const DetachLoadBalancers = (ctx: Ctx, input: OperationInput<'autoscaling', 'DetachLoadBalancers'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const names = input.LoadBalancerNames ?? [];
  const left = list(g.load_balancers).filter((n) => !names.includes(n));
  ctx.store.stmt('UPDATE autoscaling_groups SET load_balancers = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(left), ctx.accountId, ctx.region, g.name);
  const ids = instancesOf(ctx, g.name).map((i) => ({ InstanceId: i.instance_id }));
  if (ids.length) {
    const { call, region } = ctx;
    const principal = servicePrincipal(ctx.accountId, 'autoscaling');
    setImmediate(() => {
      for (const lb of names) void call(principal, 'elasticloadbalancing', 'DeregisterInstancesFromLoadBalancer', { LoadBalancerName: lb, Instances: ids }, { region, source: 'internal' }).catch(() => undefined);
    });
  }
  return {};
};
