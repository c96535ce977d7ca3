import type { Ctx } from '../../core/provider';
import type { DescribeCacheEngineVersionsInput, DescribeCacheEngineVersionsOutput } from '../../models/generated/elasticache';
import { DEFAULT_VERSION, REDIS_VERSIONS, parameterGroupFamily } from './node-types';
import { page } from './paging';

/** The Redis versions a cluster may ask for (the lab's server speaks Redis 7.0's commands for each). */
export const DescribeCacheEngineVersions = (_ctx: Ctx, input: DescribeCacheEngineVersionsInput): DescribeCacheEngineVersionsOutput => {
  if (input.Engine && input.Engine.toLowerCase() !== 'redis') return { CacheEngineVersions: [] };
  let versions = REDIS_VERSIONS.filter((v) => !input.EngineVersion || v === input.EngineVersion);
  if (input.CacheParameterGroupFamily) versions = versions.filter((v) => parameterGroupFamily(v) === input.CacheParameterGroupFamily);
  if (input.DefaultOnly) versions = versions.filter((v) => v === DEFAULT_VERSION);
  const { items, marker } = page(versions, input.MaxRecords, input.Marker);
  return {
    CacheEngineVersions: items.map((v) => ({
      Engine: 'redis',
      EngineVersion: v,
      CacheParameterGroupFamily: parameterGroupFamily(v),
      CacheEngineDescription: 'Redis',
      CacheEngineVersionDescription: `redis version ${v}`,
    })),
    ...(marker ? { Marker: marker } : {}),
  };
};
