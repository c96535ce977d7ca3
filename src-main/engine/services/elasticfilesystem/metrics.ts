/**
 * AWS/EFS metrics from what guests really did (state/throughput.ts counts every byte and operation
 * per simulated minute) and the burst model's state: the I/O byte sums, PermittedThroughput,
 * BurstCreditBalance, PercentIOLimit (General Purpose's operation ceiling), ClientConnections
 * (clients mounted right now) and StorageBytes.
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import { clientConnections } from './nfs';
import type { FsRow } from './state/file-systems';
import { meteredBytes } from './state/metered';
import { creditBalance, permittedRate } from './state/throughput';

/** General Purpose mode's operation ceiling (per second), against which PercentIOLimit is measured. */
const GP_OPS_PER_SECOND = 35_000;

export const efsMetrics: ServiceMetrics = {
  namespace: 'AWS/EFS',
  metrics: [
    { name: 'DataReadIOBytes', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'DataWriteIOBytes', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'MetadataIOBytes', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'TotalIOBytes', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'MeteredIOBytes', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'PermittedThroughput', dimensions: ['FileSystemId'], unit: 'Bytes/Second' },
    { name: 'BurstCreditBalance', dimensions: ['FileSystemId'], unit: 'Bytes' },
    { name: 'PercentIOLimit', dimensions: ['FileSystemId'], unit: 'Percent' },
    { name: 'ClientConnections', dimensions: ['FileSystemId'], unit: 'Count' },
    { name: 'StorageBytes', dimensions: ['FileSystemId', 'StorageClass'], unit: 'Bytes' },
  ],
  sample(engine, scope, at, periodMs) {
    const out: MetricSample[] = [];
    const rows = engine.store.stmt('SELECT * FROM efs_file_systems WHERE account_id = ? AND region = ?').all(scope.accountId, scope.region) as FsRow[];
    for (const fs of rows) {
      const d = { FileSystemId: fs.id };
      const io = engine.store
        .stmt('SELECT COALESCE(SUM(read_bytes), 0) AS r, COALESCE(SUM(write_bytes), 0) AS w, COALESCE(SUM(metadata_bytes), 0) AS m, COALESCE(SUM(ops), 0) AS ops FROM efs_io WHERE fs_id = ? AND minute >= ? AND minute < ?')
        .get(fs.id, at - periodMs, at) as { r: number; w: number; m: number; ops: number };
      const stored = meteredBytes(engine.store, fs.id);
      const push = (name: string, value: number, unit: string, dims: Record<string, string> = d) => out.push({ name, dimensions: dims, value, unit });
      push('DataReadIOBytes', io.r, 'Bytes');
      push('DataWriteIOBytes', io.w, 'Bytes');
      push('MetadataIOBytes', io.m, 'Bytes');
      push('TotalIOBytes', io.r + io.w + io.m, 'Bytes');
      push('MeteredIOBytes', io.r + io.w + io.m, 'Bytes');
      push('PermittedThroughput', permittedRate(fs, stored, at), 'Bytes/Second');
      if (fs.throughput_mode === 'bursting') push('BurstCreditBalance', creditBalance(fs, stored, at), 'Bytes');
      if (fs.performance_mode === 'generalPurpose') push('PercentIOLimit', Math.min(100, (io.ops / (GP_OPS_PER_SECOND * (periodMs / 1000))) * 100), 'Percent');
      push('ClientConnections', clientConnections(fs.id), 'Count');
      push('StorageBytes', stored, 'Bytes', { FileSystemId: fs.id, StorageClass: 'Total' });
      push('StorageBytes', stored, 'Bytes', { FileSystemId: fs.id, StorageClass: 'Standard' });
      push('StorageBytes', 0, 'Bytes', { FileSystemId: fs.id, StorageClass: 'IA' });
    }
    return out;
  },
};
