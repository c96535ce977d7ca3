import type { Ctx } from '../../core/provider';
import type { DescribeCacheSubnetGroupsInput, DescribeCacheSubnetGroupsOutput } from '../../models/generated/elasticache';
import { subnetGroupNotFound } from './errors';
import { page } from './paging';
import { describeSubnetGroup } from './state/describe';
import { getSubnetGroup, listSubnetGroups } from './state/rows';

export const DescribeCacheSubnetGroups = (ctx: Ctx, input: DescribeCacheSubnetGroupsInput): DescribeCacheSubnetGroupsOutput => {
  const name = input.CacheSubnetGroupName?.toLowerCase();
  if (name) {
    const g = getSubnetGroup(ctx, name);
    if (!g) throw subnetGroupNotFound(name);
    return { CacheSubnetGroups: [describeSubnetGroup(ctx, g)] };
  }
  const { items, marker } = page(listSubnetGroups(ctx), input.MaxRecords, input.Marker);
  return { CacheSubnetGroups: items.map((g) => describeSubnetGroup(ctx, g)), ...(marker ? { Marker: marker } : {}) };
};
