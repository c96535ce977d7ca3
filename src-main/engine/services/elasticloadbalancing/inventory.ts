/** What chapter clean-up lists of Classic Load Balancing: its load balancers. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const elbInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeLoadBalancers',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticloadbalancing', 'DescribeLoadBalancers', {}, region)).LoadBalancerDescriptions).map((l) =>
        inventoryItem(`elb:${region}:load-balancer:${String(l.LoadBalancerName)}`, `classic load balancer ${String(l.LoadBalancerName)} in ${region}`),
      ),
  },
];
