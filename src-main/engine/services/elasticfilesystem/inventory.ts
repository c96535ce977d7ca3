/** What chapter clean-up lists of EFS: file systems, their mount targets, access points. */
import { arr, inventoryItem, type InventoryKind } from '../../core/inventory';

export const efsInventory: readonly InventoryKind[] = [
  {
    operation: 'DescribeFileSystems',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticfilesystem', 'DescribeFileSystems', {}, region)).FileSystems).map((f) =>
        inventoryItem(`efs:${region}:file-system:${String(f.CreationToken)}`, `EFS file system ${String(f.FileSystemId)} (${String(f.Name ?? f.CreationToken)}) in ${region}`),
      ),
  },
  {
    operation: 'DescribeMountTargets',
    list: async (ctx, region) => {
      const out = [];
      for (const f of arr((await ctx.aws('elasticfilesystem', 'DescribeFileSystems', {}, region)).FileSystems)) {
        const mts = arr((await ctx.aws('elasticfilesystem', 'DescribeMountTargets', { FileSystemId: f.FileSystemId }, region)).MountTargets);
        for (const m of mts)
          out.push(inventoryItem(`efs:${region}:mount-target:${String(f.CreationToken)}:${String(m.AvailabilityZoneName)}`, `EFS mount target of ${String(f.FileSystemId)} in ${String(m.AvailabilityZoneName)}`));
      }
      return out;
    },
  },
  {
    operation: 'DescribeAccessPoints',
    list: async (ctx, region) =>
      arr((await ctx.aws('elasticfilesystem', 'DescribeAccessPoints', {}, region)).AccessPoints).map((a) =>
        inventoryItem(`efs:${region}:access-point:${String(a.ClientToken)}`, `EFS access point ${String(a.AccessPointId)} of ${String(a.FileSystemId)} in ${region}`),
      ),
  },
];
