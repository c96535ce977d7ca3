/** What chapter clean-up lists of SQS: every queue, per region. */
import { inventoryItem, type InventoryKind } from '../../core/inventory';

export const sqsInventory: readonly InventoryKind[] = [
  {
    operation: 'ListQueues',
    list: async (ctx, region) => {
      const out = await ctx.aws('sqs', 'ListQueues', {}, region);
      const urls = Array.isArray(out.QueueUrls) ? (out.QueueUrls as string[]) : [];
      return urls.map((url) => {
        const name = url.slice(url.lastIndexOf('/') + 1);
        return inventoryItem(`sqs:${region}:queue:${name}`, `queue ${name} in ${region}`);
      });
    },
  },
];
