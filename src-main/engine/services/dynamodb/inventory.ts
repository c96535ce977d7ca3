/** What chapter clean-up lists of DynamoDB: every table in the region. */
import { inventoryItem, type InventoryKind } from '../../core/inventory';

export const dynamodbInventory: readonly InventoryKind[] = [
  {
    operation: 'ListTables',
    list: async (ctx, region) => {
      const names: string[] = [];
      let start: string | undefined;
      do {
        const out = await ctx.aws('dynamodb', 'ListTables', start ? { ExclusiveStartTableName: start } : {}, region);
        names.push(...((out.TableNames as string[] | undefined) ?? []));
        start = out.LastEvaluatedTableName as string | undefined;
      } while (start);
      return names.map((n) => inventoryItem(`dynamodb:${region}:table:${n}`, `DynamoDB table ${n} in ${region}`));
    },
  },
];
