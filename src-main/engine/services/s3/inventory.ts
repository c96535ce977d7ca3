/** What chapter clean-up lists of S3: buckets (global). */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const s3Inventory: readonly InventoryKind[] = [
  {
    operation: 'ListBuckets',
    global: true,
    list: async (ctx) =>
      arr((await ctx.aws('s3', 'ListBuckets', {})).Buckets).map((b) => inventoryItem(`s3::bucket:${String(b.Name)}`, `bucket ${String(b.Name)}`)),
  },
];
