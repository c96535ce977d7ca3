/** What chapter clean-up lists of CloudFormation: stacks not deleted. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const cloudformationInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeStacks',
    list: async (ctx, region) =>
      arr((await ctx.aws('cloudformation', 'DescribeStacks', {}, region)).Stacks)
        .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
        .map((s) => inventoryItem(`cloudformation:${region}:stack:${String(s.StackName)}`, `stack ${String(s.StackName)} (${String(s.StackStatus)}) in ${region}`)),
  },
];
