import { servicePrincipal } from '../../core/account';
import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { checkLoadBalancers } from './state/checks';
import { getGroup, list } from './state/groups';
import { instancesOf } from './state/instances';

/** Classic Load Balancers: the group's InService instances are registered with them after the call. */
export const AttachLoadBalancers = (ctx: Ctx, input: OperationInput<'autoscaling', 'AttachLoadBalancers'>) => {
  const g = getGroup(ctx, input.AutoScalingGroupName);
  const names = input.LoadBalancerNames ?? [];
  checkLoadBalancers(ctx, names);
  const all = [...new Set([...list(g.load_balancers), ...names])];
  ctx.store.stmt('UPDATE autoscaling_groups SET load_balancers = ? WHERE account_id = ? AND region = ? AND name = ?').run(JSON.stringify(all), ctx.accountId, ctx.region, g.name);
  const ids = instancesOf(ctx, g.name).filter((i) => i.lifecycle === 'InService').map((i) => ({ InstanceId: i.instance_id }));
  if (ids.length) {
    const { call, region } = ctx;
    const principal = servicePrincipal(ctx.accountId, 'autoscaling');
    setImmediate(() => {
      for (const lb of names) void call(principal, 'elasticloadbalancing', 'RegisterInstancesWithLoadBalancer', { LoadBalancerName: lb, Instances: ids }, { region, source: 'internal' }).catch(() => undefined);
    });
  }
  return {};
};
