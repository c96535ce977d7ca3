/** What chapter clean-up lists of Elastic Load Balancing: load balancers and target groups. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const elbv2Inventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeLoadBalancers',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticloadbalancingv2', 'DescribeLoadBalancers', {}, region)).LoadBalancers).map((l) =>
        inventoryItem(`elbv2:${region}:load-balancer:${String(l.LoadBalancerName)}`, `load balancer ${String(l.LoadBalancerName)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeTargetGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticloadbalancingv2', 'DescribeTargetGroups', {}, region)).TargetGroups).map((g) =>
        inventoryItem(`elbv2:${region}:target-group:${String(g.TargetGroupName)}`, `target group ${String(g.TargetGroupName)} in ${region}`),
      ),
  },
];
