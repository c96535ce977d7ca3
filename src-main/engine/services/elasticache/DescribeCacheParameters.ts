import type { Ctx } from '../../core/provider';
import type { DescribeCacheParametersInput, DescribeCacheParametersOutput } from '../../models/generated/elasticache';
import { page } from './paging';
import { findGroup, groupNotFound, parametersOf } from './parameters';

export const DescribeCacheParameters = (ctx: Ctx, input: DescribeCacheParametersInput): DescribeCacheParametersOutput => {
  const name = input.CacheParameterGroupName.toLowerCase();
  const g = findGroup(ctx, name);
  if (!g) throw groupNotFound(name);
  const { items, marker } = page(parametersOf(g, input.Source), input.MaxRecords, input.Marker);
  return { Parameters: items, ...(marker ? { Marker: marker } : {}) };
};
