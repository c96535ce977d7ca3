/** What chapter clean-up lists of Lambda: every function, per region. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const lambdaInventory: readonly InventoryKind[] = [
  {
    operation: 'ListFunctions',
    list: async (ctx, region) =>
      arr((await ctx.aws('lambda', 'ListFunctions', {}, region)).Functions).map((f) => inventoryItem(`lambda:${region}:function:${String(f.FunctionName)}`, `function ${String(f.FunctionName)} in ${region}`)),
  },
];
