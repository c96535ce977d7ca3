/** What chapter clean-up lists of SNS: topics and subscriptions, per region. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const snsInventory: readonly InventoryKind[] = [
  {
    operation: 'ListTopics',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListTopics', {}, region)).Topics).map((t) => inventoryItem(`sns:${region}:topic:${String(t.TopicArn)}`, `SNS topic ${String(t.TopicArn)}`)),
  },
  {
    operation: 'ListSubscriptions',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListSubscriptions', {}, region)).Subscriptions).map((s) =>
        inventoryItem(`sns:${region}:subscription:${String(s.TopicArn)}:${String(s.Protocol)}:${String(s.Endpoint)}`, `SNS subscription ${String(s.Protocol)} ${String(s.Endpoint)}`),
      ),
  },
];
