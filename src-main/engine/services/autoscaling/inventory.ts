/** What chapter clean-up lists of Auto Scaling: groups and launch configurations. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const autoscalingInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeAutoScalingGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('autoscaling', 'DescribeAutoScalingGroups', {}, region)).AutoScalingGroups).map((g) =>
        inventoryItem(`autoscaling:${region}:group:${String(g.AutoScalingGroupName)}`, `Auto Scaling group ${String(g.AutoScalingGroupName)} in ${region}`),
      ),
  },
  {
    operation: 'DescribeLaunchConfigurations',
    list: async (ctx, region) =>
      arr((await ctx.aws('autoscaling', 'DescribeLaunchConfigurations', {}, region)).LaunchConfigurations).map((l) =>
        inventoryItem(`autoscaling:${region}:launch-configuration:${String(l.LaunchConfigurationName)}`, `launch configuration ${String(l.LaunchConfigurationName)} in ${region}`),
      ),
  },
];
