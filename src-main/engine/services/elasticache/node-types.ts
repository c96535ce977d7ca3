/**
 * Cache node types with the memory ElastiCache gives Redis on each (maxmemory), their vCPUs and
 * hourly price (us-east-1, on demand), as AWS publishes them. A node's Redis is capped at its memory.
 */
export interface NodeType {
  memoryGiB: number;
  vcpus: number;
  price: number;
}

export const NODE_TYPES: Record<string, NodeType> = {
  'cache.t2.micro': { memoryGiB: 0.555, vcpus: 1, price: 0.017 },
  'cache.t2.small': { memoryGiB: 1.55, vcpus: 1, price: 0.034 },
  'cache.t2.medium': { memoryGiB: 3.22, vcpus: 2, price: 0.068 },
  'cache.t3.micro': { memoryGiB: 0.5, vcpus: 2, price: 0.017 },
  'cache.t3.small': { memoryGiB: 1.37, vcpus: 2, price: 0.034 },
  'cache.t3.medium': { memoryGiB: 3.09, vcpus: 2, price: 0.068 },
  'cache.t4g.micro': { memoryGiB: 0.5, vcpus: 2, price: 0.016 },
  'cache.t4g.small': { memoryGiB: 1.37, vcpus: 2, price: 0.032 },
  'cache.m5.large': { memoryGiB: 6.38, vcpus: 2, price: 0.156 },
  'cache.m6g.large': { memoryGiB: 6.38, vcpus: 2, price: 0.149 },
  'cache.r4.large': { memoryGiB: 12.3, vcpus: 2, price: 0.228 },
  'cache.r5.large': { memoryGiB: 13.07, vcpus: 2, price: 0.216 },
  'cache.r6g.large': { memoryGiB: 13.07, vcpus: 2, price: 0.206 },
};

export const maxmemoryOf = (nodeType: string): number => Math.floor((NODE_TYPES[nodeType]?.memoryGiB ?? 0.5) * 1024 ** 3);

/** Redis versions ElastiCache offers; the lab's server speaks Redis 7.0's commands for each of them. */
export const REDIS_VERSIONS = ['3.2.4', '3.2.6', '3.2.10', '4.0.10', '5.0.6', '6.0', '6.2', '7.0', '7.1'];
export const DEFAULT_VERSION = '7.1';

export const parameterGroupFamily = (version: string): string => {
  const major = Number(version.split('.')[0]);
  if (major >= 7) return 'redis7';
  if (major === 6) return 'redis6.x';
  if (major === 5) return 'redis5.0';
  if (major === 4) return 'redis4.0';
  return 'redis3.2';
};

export const defaultParameterGroup = (version: string): string => `default.${parameterGroupFamily(version)}`;

/** us-east-1 → use1, eu-west-1 → euw1: the region tag in ElastiCache endpoint names. */
export function regionTag(region: string): string {
  const [geo, dir, n] = region.split('-');
  return `${geo}${(dir ?? '').replace('north', 'n').replace('south', 's').replace('east', 'e').replace('west', 'w').replace('central', 'c').slice(0, 2)}${n ?? ''}`;
}
