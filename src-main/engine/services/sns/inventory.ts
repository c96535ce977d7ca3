/** What chapter clean-up lists of SNS: topics and subscriptions, per region. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

// Keys name a topic by its name, not its ARN: the same chapter's keys fit every lab account.
const topicName = (arn: unknown): string => String(arn).slice(String(arn).lastIndexOf(':') + 1);

export const snsInventory: readonly InventoryKind[] = [
  {
    operation: 'ListTopics',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListTopics', {}, region)).Topics).map((t) => inventoryItem(`sns:${region}:topic:${topicName(t.TopicArn)}`, `SNS topic ${String(t.TopicArn)}`)),
  },
  {
    operation: 'ListSubscriptions',
    list: async (ctx, region) =>
      arr((await ctx.aws('sns', 'ListSubscriptions', {}, region)).Subscriptions).map((s) =>
        inventoryItem(`sns:${region}:subscription:${topicName(s.TopicArn)}:${String(s.Protocol)}:${String(s.Endpoint)}`, `SNS subscription ${String(s.Protocol)} ${String(s.Endpoint)}`),
      ),
  },
];
