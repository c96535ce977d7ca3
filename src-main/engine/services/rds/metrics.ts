/**
 * AWS/RDS metrics per DB instance, from what its engine really did: DatabaseConnections, Read/WriteIOPS
 * (statements per second) and the replica's lag come from the engine's own counters, CPUUtilization
 * from its process's CPU time over the wall time between two readings, FreeableMemory from its
 * class's memory less the process's resident size, FreeStorageSpace from the allocated storage less
 * the bytes of its data folder. An engine is asked in the background and a sample uses its latest
 * answer; an engine whose process is stopped (idle) publishes nothing for that minute.
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import { classSpec } from './classes';
import { liveRuntimes, type RdsRuntime } from './runtime';
import { effectiveStatus, type InstanceRow } from './state/instances';

interface EngineStats {
  connections: number;
  reads: number;
  writes: number;
  cpuMicros: number;
  wallMs: number;
  dataBytes: number;
  replicaLagMs: number | null;
}

const latest = new Map<string, EngineStats>();
const sampled = new Map<string, { stats: EngineStats; at: number }>();

function refresh(rt: RdsRuntime, id: string): void {
  if (rt.supervisor.status(id)?.state !== 'running') return;
  rt.supervisor.request<EngineStats>(id, 'stats').then(
    (s) => latest.set(id, s),
    () => undefined,
  );
}

const D = ['DBInstanceIdentifier'] as const;

export const rdsMetrics: ServiceMetrics = {
  namespace: 'AWS/RDS',
  metrics: [
    { name: 'CPUUtilization', dimensions: D, unit: 'Percent' },
    { name: 'FreeableMemory', dimensions: D, unit: 'Bytes' },
    { name: 'DatabaseConnections', dimensions: D, unit: 'Count' },
    { name: 'ReadIOPS', dimensions: D, unit: 'Count/Second' },
    { name: 'WriteIOPS', dimensions: D, unit: 'Count/Second' },
    { name: 'FreeStorageSpace', dimensions: D, unit: 'Bytes' },
    { name: 'ReplicaLag', dimensions: D, unit: 'Seconds' },
  ],
  sample(engine, scope, at) {
    const rt = liveRuntimes().find((r) => r.store === engine.store);
    if (!rt) return [];
    const rows = engine.store.stmt('SELECT * FROM rds_instances WHERE account_id = ? AND region = ?').all(scope.accountId, scope.region) as InstanceRow[];
    const out: MetricSample[] = [];
    for (const row of rows) {
      if (effectiveStatus(row, at) !== 'available' && effectiveStatus(row, at) !== 'backing-up') continue;
      const id = row.resource_id;
      const now = latest.get(id);
      const before = sampled.get(id);
      refresh(rt, id);
      if (!now || now === before?.stats) continue;
      sampled.set(id, { stats: now, at });
      const dims = { DBInstanceIdentifier: row.id };
      const seconds = before ? Math.max(1, (at - before.at) / 1000) : 60;
      const wall = before ? now.wallMs - before.stats.wallMs : 0;
      if (before && wall > 0) {
        const vcpu = classSpec(row.instance_class).vcpu;
        const busy = (now.cpuMicros - before.stats.cpuMicros) / 1000 / wall;
        out.push({ name: 'CPUUtilization', dimensions: dims, value: Math.round(Math.min(100, (busy / vcpu) * 100) * 100) / 100, unit: 'Percent' });
      }
      const rss = (rt.supervisor.status(id)?.rssMb ?? 0) * 1024 ** 2;
      out.push(
        { name: 'FreeableMemory', dimensions: dims, value: Math.max(0, classSpec(row.instance_class).memoryBytes - rss), unit: 'Bytes' },
        { name: 'DatabaseConnections', dimensions: dims, value: now.connections, unit: 'Count' },
        { name: 'ReadIOPS', dimensions: dims, value: Math.max(0, now.reads - (before?.stats.reads ?? 0)) / seconds, unit: 'Count/Second' },
        { name: 'WriteIOPS', dimensions: dims, value: Math.max(0, now.writes - (before?.stats.writes ?? 0)) / seconds, unit: 'Count/Second' },
        { name: 'FreeStorageSpace', dimensions: dims, value: Math.max(0, row.allocated_storage * 1024 ** 3 - now.dataBytes), unit: 'Bytes' },
      );
      if (now.replicaLagMs !== null) out.push({ name: 'ReplicaLag', dimensions: dims, value: Math.round(now.replicaLagMs / 1000), unit: 'Seconds' });
    }
    return out;
  },
};
