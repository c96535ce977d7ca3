import type { Ctx } from '../../core/provider';
import type { DescribeCacheParameterGroupsInput, DescribeCacheParameterGroupsOutput } from '../../models/generated/elasticache';
import { page } from './paging';
import { describeGroup, findGroup, groupNotFound, listGroups } from './parameters';

export const DescribeCacheParameterGroups = (ctx: Ctx, input: DescribeCacheParameterGroupsInput): DescribeCacheParameterGroupsOutput => {
  const wanted = input.CacheParameterGroupName?.toLowerCase();
  const one = wanted ? findGroup(ctx, wanted) : undefined;
  if (wanted && !one) throw groupNotFound(wanted);
  const groups = one ? [one] : listGroups(ctx);
  const { items, marker } = page(groups.map((g) => describeGroup(ctx, g)), input.MaxRecords, input.Marker);
  return { CacheParameterGroups: items, ...(marker ? { Marker: marker } : {}) };
};
