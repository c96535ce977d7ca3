/** What chapter clean-up lists of EventBridge: rules on the default bus, per region. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const eventsInventory: readonly InventoryKind[] = [
  {
    operation: 'ListRules',
    list: async (ctx, region) =>
      arr((await ctx.aws('events', 'ListRules', {}, region)).Rules).map((r) => inventoryItem(`events:${region}:rule:${String(r.Name)}`, `EventBridge rule ${String(r.Name)}`)),
  },
];
