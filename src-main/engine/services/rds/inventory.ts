/** What chapter clean-up lists of RDS: DB instances, manual snapshots, subnet groups. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const rdsInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeDBInstances',
    list: async (ctx, region) =>
      arr((await ctx.aws('rds', 'DescribeDBInstances', {}, region)).DBInstances).map((d) =>
        inventoryItem(`rds:${region}:db:${String(d.DBInstanceIdentifier)}`, `DB instance ${String(d.DBInstanceIdentifier)}`),
      ),
  },
  {
    operation: 'DescribeDBSnapshots',
    list: async (ctx, region) =>
      arr((await ctx.aws('rds', 'DescribeDBSnapshots', { SnapshotType: 'manual' }, region)).DBSnapshots).map((s) =>
        inventoryItem(`rds:${region}:snapshot:${String(s.DBSnapshotIdentifier)}`, `DB snapshot ${String(s.DBSnapshotIdentifier)}`),
      ),
  },
  {
    operation: 'DescribeDBSubnetGroups',
    list: async (ctx, region) =>
      arr((await ctx.aws('rds', 'DescribeDBSubnetGroups', {}, region)).DBSubnetGroups).map((g) =>
        inventoryItem(`rds:${region}:subgrp:${String(g.DBSubnetGroupName)}`, `DB subnet group ${String(g.DBSubnetGroupName)}`),
      ),
  },
];
