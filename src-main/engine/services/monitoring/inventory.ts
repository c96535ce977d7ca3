/** What chapter clean-up lists of CloudWatch: metric alarms, per region. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const monitoringInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeAlarms',
    list: async (ctx, region) =>
      arr((await ctx.aws('monitoring', 'DescribeAlarms', { MaxRecords: 100 }, region)).MetricAlarms).map((a) =>
        inventoryItem(`cloudwatch:${region}:alarm:${String(a.AlarmName)}`, `CloudWatch alarm ${String(a.AlarmName)}`),
      ),
  },
];
