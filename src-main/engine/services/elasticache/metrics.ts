/**
 * AWS/ElastiCache metrics per node, from what its Redis really did: connections, hits, misses,
 * evictions and items come from the node's own counters, CPUUtilization from its process's CPU time
 * over the wall time between two readings, BytesUsedForCache from its memory accounting. A node's
 * process is asked in the background; a sample uses the latest answer (one minute old at most).
 * A node whose process is stopped (idle) publishes nothing for that minute.
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import { runtime } from './lifecycle';
import { engineId } from './state/rows';

interface NodeStats {
  connections: number;
  hits: number;
  misses: number;
  evictions: number;
  commands: number;
  usedMemory: number;
  keys: number;
  cpuMicros: number;
  wallMs: number;
}

/** The newest reading of each node, and the one the previous minute's sample used. */
const latest = new Map<string, NodeStats>();
const sampled = new Map<string, NodeStats>();

function refresh(id: string): void {
  const sup = runtime()?.supervisor;
  if (!sup || sup.status(id)?.state !== 'running') return;
  sup.request<NodeStats>(id, 'stats').then(
    (s) => latest.set(id, s),
    () => undefined,
  );
}

const delta = (now: NodeStats, before: NodeStats | undefined, k: keyof NodeStats): number => Math.max(0, now[k] - (before?.[k] ?? 0));

export const elasticacheMetrics: ServiceMetrics = {
  namespace: 'AWS/ElastiCache',
  metrics: [
    { name: 'CPUUtilization', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Percent' },
    { name: 'CurrConnections', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Count' },
    { name: 'CacheHits', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Count' },
    { name: 'CacheMisses', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Count' },
    { name: 'Evictions', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Count' },
    { name: 'BytesUsedForCache', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Bytes' },
    { name: 'CurrItems', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Count' },
    { name: 'SwapUsage', dimensions: ['CacheClusterId', 'CacheNodeId'], unit: 'Bytes' },
  ],
  sample(engine, scope) {
    const nodes = engine.store
      .stmt(
        `SELECT n.cluster_id, n.node_id FROM elasticache_nodes n JOIN elasticache_clusters c ON c.account_id = n.account_id AND c.region = n.region AND c.id = n.cluster_id
          WHERE n.account_id = ? AND n.region = ? AND c.status = 'available'`,
      )
      .all(scope.accountId, scope.region) as { cluster_id: string; node_id: string }[];
    const out: MetricSample[] = [];
    for (const n of nodes) {
      const id = engineId(scope.accountId, scope.region, n.cluster_id, n.node_id);
      const now = latest.get(id);
      const before = sampled.get(id);
      refresh(id);
      if (!now || now === before) continue;
      sampled.set(id, now);
      const dims = { CacheClusterId: n.cluster_id, CacheNodeId: n.node_id };
      const wall = before ? now.wallMs - before.wallMs : 0;
      const cpu = before && wall > 0 ? Math.min(100, (delta(now, before, 'cpuMicros') / 1000 / wall) * 100) : undefined;
      if (cpu !== undefined) out.push({ name: 'CPUUtilization', dimensions: dims, value: Math.round(cpu * 100) / 100, unit: 'Percent' });
      out.push(
        { name: 'CurrConnections', dimensions: dims, value: now.connections, unit: 'Count' },
        { name: 'CacheHits', dimensions: dims, value: delta(now, before, 'hits'), unit: 'Count' },
        { name: 'CacheMisses', dimensions: dims, value: delta(now, before, 'misses'), unit: 'Count' },
        { name: 'Evictions', dimensions: dims, value: delta(now, before, 'evictions'), unit: 'Count' },
        { name: 'BytesUsedForCache', dimensions: dims, value: now.usedMemory, unit: 'Bytes' },
        { name: 'CurrItems', dimensions: dims, value: now.keys, unit: 'Count' },
        // The node never swaps: its memory is capped at the node type's by maxmemory.
        { name: 'SwapUsage', dimensions: dims, value: 0, unit: 'Bytes' },
      );
    }
    return out;
  },
};
