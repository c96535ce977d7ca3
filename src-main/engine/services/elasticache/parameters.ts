/**
 * Cache parameter groups: the Redis settings a cluster's nodes run with. The `default.<family>`
 * groups exist in every region and cannot be changed, as on AWS; a group of the learner's holds only
 * the values changed from its family's defaults. The parameters below are the ones the lab's Redis
 * honours (maxmemory-policy, timeout, notify-keyspace-events...); each applies at once to running
 * nodes, as ElastiCache applies these.
 */
import type { Ctx } from '../../core/provider';
import type { CacheParameterGroup, DescribeCacheParametersOutput } from '../../models/generated/elasticache';
import { AwsError } from '../../protocol/errors';
import { parameterGroupFamily } from './node-types';

type Parameter = NonNullable<DescribeCacheParametersOutput['Parameters']>[number];

export const FAMILIES = ['redis3.2', 'redis4.0', 'redis5.0', 'redis6.x', 'redis7'];

interface ParameterSpec {
  value: string;
  description: string;
  dataType: 'string' | 'integer';
  allowed: string;
  /** The Redis version the parameter appeared in. */
  since: string;
}

const POLICIES = 'volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction';

export const PARAMETERS: Record<string, ParameterSpec> = {
  'maxmemory-policy': { value: 'volatile-lru', description: 'Which keys to evict when the node is full (§12.3).', dataType: 'string', allowed: POLICIES, since: '2.6.13' },
  'maxmemory-samples': { value: '3', description: 'Keys sampled for each eviction.', dataType: 'integer', allowed: '1-', since: '2.6.13' },
  timeout: { value: '0', description: 'Close a client connection idle for this many seconds (0: never).', dataType: 'integer', allowed: '0,20-', since: '2.6.13' },
  'notify-keyspace-events': { value: '', description: 'Which keyspace events are published to clients.', dataType: 'string', allowed: '', since: '2.8.6' },
  databases: { value: '16', description: 'Number of logical databases (SELECT 0..N-1); changes need a new cluster.', dataType: 'integer', allowed: '1-1200000', since: '2.6.13' },
  'reserved-memory-percent': { value: '25', description: 'Percent of memory kept back for non-data use (backups, replication).', dataType: 'integer', allowed: '0-100', since: '2.8.22' },
};

/** Only what changes a running node's behaviour is handed to it. */
const LIVE = new Set(['maxmemory-policy', 'maxmemory-samples', 'timeout', 'notify-keyspace-events']);

export interface ParameterGroupRow {
  name: string;
  family: string;
  description: string;
  overrides: string;
}

export const isDefaultGroup = (name: string): boolean => /^default\./.test(name);

export const groupNotFound = (name: string) => new AwsError('CacheParameterGroupNotFound', `CacheParameterGroup ${name} not found.`, 404);
export const invalidGroupState = (message: string) => new AwsError('InvalidCacheParameterGroupState', message, 400);

/** A group by name: the learner's, or a default one of a known family. */
export function findGroup(ctx: Pick<Ctx, 'store' | 'accountId' | 'region'>, name: string): ParameterGroupRow | undefined {
  if (isDefaultGroup(name)) {
    const family = name.slice('default.'.length);
    return FAMILIES.includes(family) ? { name, family, description: `Default parameter group for ${family}`, overrides: '{}' } : undefined;
  }
  return ctx.store
    .stmt('SELECT name, family, description, overrides FROM elasticache_parameter_groups WHERE account_id = ? AND region = ? AND name = ?')
    .get(ctx.accountId, ctx.region, name) as ParameterGroupRow | undefined;
}

export function listGroups(ctx: Pick<Ctx, 'store' | 'accountId' | 'region'>): ParameterGroupRow[] {
  const own = ctx.store
    .stmt('SELECT name, family, description, overrides FROM elasticache_parameter_groups WHERE account_id = ? AND region = ? ORDER BY name')
    .all(ctx.accountId, ctx.region) as ParameterGroupRow[];
  return [...FAMILIES.map((f) => findGroup(ctx, `default.${f}`)!), ...own];
}

export const overridesOf = (g: ParameterGroupRow): Record<string, string> => JSON.parse(g.overrides) as Record<string, string>;

/** Every parameter with its value in the group (the family default unless overridden). */
export function parametersOf(g: ParameterGroupRow, source?: string): Parameter[] {
  const own = overridesOf(g);
  return Object.entries(PARAMETERS)
    .map(([name, p]) => ({
      ParameterName: name,
      ParameterValue: own[name] ?? p.value,
      Description: p.description,
      Source: name in own ? 'user' : 'system',
      DataType: p.dataType,
      AllowedValues: p.allowed,
      IsModifiable: true,
      MinimumEngineVersion: p.since,
      ChangeType: LIVE.has(name) ? 'immediate' : 'requires-reboot',
    }))
    .filter((p) => !source || p.Source === source);
}

/** Checks one new value against the parameter's type and allowed values. */
export function checkValue(name: string, value: string): void {
  const p = PARAMETERS[name];
  if (!p) throw new AwsError('InvalidParameterValue', `Parameter ${name} does not exist or is not modifiable.`, 400);
  const bad = () => new AwsError('InvalidParameterValue', `Value (${value}) for parameter ${name} is incorrect. Allowed values are: ${p.allowed}`, 400);
  if (p.dataType === 'integer') {
    if (!/^\d+$/.test(value)) throw bad();
    const n = Number(value);
    const ok = p.allowed.split(',').some((range) => {
      const [lo, hi] = range.split('-');
      if (range.includes('-')) return n >= Number(lo) && (hi === '' || hi === undefined || n <= Number(hi));
      return n === Number(range);
    });
    if (!ok) throw bad();
  } else if (p.allowed && !p.allowed.split(',').includes(value)) throw bad();
}

/** The settings a node starts with, or is given while running (only those that change its behaviour). */
export function liveSettings(g: ParameterGroupRow | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parametersOf(g ?? { name: '', family: '', description: '', overrides: '{}' })) if (LIVE.has(p.ParameterName!)) out[p.ParameterName!] = p.ParameterValue ?? '';
  return out;
}

/** The group a cluster of this engine version may use: its family must match. */
export function checkFamily(g: ParameterGroupRow, engineVersion: string): void {
  const family = parameterGroupFamily(engineVersion);
  if (g.family !== family)
    throw new AwsError('InvalidParameterCombination', `The parameter group ${g.name} has family ${g.family}, but engine version ${engineVersion} needs ${family}.`, 400);
}

export const describeGroup = (ctx: Pick<Ctx, 'accountId' | 'region'>, g: ParameterGroupRow): CacheParameterGroup => ({
  CacheParameterGroupName: g.name,
  CacheParameterGroupFamily: g.family,
  Description: g.description,
  IsGlobal: false,
  ARN: `arn:aws:elasticache:${ctx.region}:${ctx.accountId}:parametergroup:${g.name}`,
});
