/**
 * Status changes on the simulated clock and what each does to the data plane: an instance that
 * reaches `stopped` stops its engine, `available` after a start or reboot warms it up, `deleted`
 * removes its row, its engine folder and its network interface. One clock wake-up per pending
 * change; `resume` re-arms them after a restart.
 */
import { servicePrincipal } from '../../core/account';
import { rmSync } from 'node:fs';
import { enqueue, prewarm, removeEngine, snapshotDir, type RdsRuntime } from './runtime';
import { recordEvent, type SourceType } from './state/events';
import type { InstanceRow } from './state/instances';

/** What AWS says when a status change completes (RDS event id, category, message). */
function completion(from: string, to: string, extra: { failover?: boolean; restoredFrom?: string; pointInTime?: { source: string; at: number }; promoted?: boolean }): [string, string, string][] {
  if (to === 'deleted') return [['RDS-EVENT-0003', 'deletion', 'DB instance deleted']];
  if (to === 'stopped') return [['RDS-EVENT-0087', 'notification', 'DB instance stopped']];
  if (to !== 'available') return [];
  if (from === 'creating') {
    const out: [string, string, string][] = [['RDS-EVENT-0005', 'creation', 'DB instance created']];
    if (extra.pointInTime) out.push(['RDS-EVENT-0019', 'restoration', `Restored from DB instance ${extra.pointInTime.source} to ${new Date(extra.pointInTime.at).toISOString()}`]);
    else if (extra.restoredFrom) out.push(['RDS-EVENT-0043', 'restoration', `Restored from snapshot ${extra.restoredFrom}`]);
    return out;
  }
  if (from === 'starting') return [['RDS-EVENT-0088', 'notification', 'DB instance started']];
  if (from === 'rebooting' && extra.failover)
    return [
      ['RDS-EVENT-0015', 'failover', 'Multi-AZ instance failover completed'],
      ['RDS-EVENT-0006', 'availability', 'DB instance restarted'],
    ];
  if (from === 'rebooting') return [['RDS-EVENT-0006', 'availability', 'DB instance restarted']];
  if (from === 'modifying' && extra.promoted) return [['RDS-EVENT-0046', 'read replica', 'Promoted Read Replica to a stand-alone database instance']];
  if (from === 'modifying') return [['RDS-EVENT-0014', 'configuration change', 'Finished applying modification to DB instance']];
  return [];
}

export const DURATION = {
  create: 4 * 60_000,
  delete: 2 * 60_000,
  stop: 60_000,
  start: 3 * 60_000,
  reboot: 60_000,
  modify: 2 * 60_000,
  credentials: 30_000,
};

const key = (r: Pick<InstanceRow, 'account_id' | 'region' | 'id'>) => `${r.account_id}/${r.region}/${r.id.toLowerCase()}`;

function load(rt: RdsRuntime, k: string): InstanceRow | undefined {
  const [account, region, id] = k.split('/');
  return rt.store.stmt('SELECT * FROM rds_instances WHERE account_id = ? AND region = ? AND id = ? COLLATE NOCASE').get(account, region, id) as InstanceRow | undefined;
}

function due(rt: RdsRuntime, k: string): void {
  rt.wakeups.delete(k);
  const row = load(rt, k);
  if (!row || row.status_until === null || row.next_status === null) return;
  if (row.status_until > rt.clock.now()) return arm(rt, row);
  const from = row.status;
  const to = row.next_status;
  const extra = JSON.parse(row.extra) as Parameters<typeof completion>[2];
  rt.store.tx(() => {
    if (to === 'deleted') {
      rt.store.stmt('DELETE FROM rds_instances WHERE resource_id = ?').run(row.resource_id);
      // Automated backups go with their instance (AWS's DeleteAutomatedBackups default); manual snapshots stay.
      const auto = rt.store.stmt("SELECT resource_id FROM rds_snapshots WHERE instance_resource_id = ? AND snapshot_type = 'automated'").all(row.resource_id) as { resource_id: string }[];
      rt.store.stmt("DELETE FROM rds_snapshots WHERE instance_resource_id = ? AND snapshot_type = 'automated'").run(row.resource_id);
      for (const a of auto) void enqueue(rt, row.resource_id, async () => rmSync(snapshotDir(rt, a.resource_id), { recursive: true, force: true }));
    }
    else rt.store.stmt('UPDATE rds_instances SET status = ?, status_until = NULL, next_status = NULL WHERE resource_id = ?').run(to, row.resource_id);
    const scope = { accountId: row.account_id, region: row.region };
    for (const [eventId, category, message] of completion(from, to, extra))
      recordEvent(rt, scope, { sourceId: row.id, sourceType: 'db-instance' as SourceType, message, categories: [category], eventId });
    if (extra.failover || extra.promoted) {
      const e = JSON.parse(row.extra) as Record<string, unknown>;
      delete e.failover;
      delete e.promoted;
      rt.store.stmt('UPDATE rds_instances SET extra = ? WHERE resource_id = ?').run(JSON.stringify(e), row.resource_id);
    }
  });
  if (to === 'deleted') {
    void removeEngine(rt, row.resource_id);
    if (row.eni_id && rt.call) {
      void rt
        .call(servicePrincipal(row.account_id, 'rds'), 'ec2', 'DeleteNetworkInterface', { NetworkInterfaceId: row.eni_id }, { region: row.region, source: 'internal' })
        .catch((err: unknown) => rt.log(`could not delete ${row.eni_id}: ${String(err)}`));
    }
  } else if (to === 'stopped') {
    if (rt.supervisor.has(row.resource_id)) void rt.supervisor.stop(row.resource_id);
  } else if (to === 'available' && (from === 'starting' || from === 'rebooting' || from === 'creating')) {
    prewarm(rt, { ...row, status: to });
  }
}

/** Arms (or re-arms) the wake-up of a row's pending status change. */
export function arm(rt: RdsRuntime, row: InstanceRow): void {
  const k = key(row);
  rt.wakeups.get(k)?.();
  rt.wakeups.delete(k);
  if (row.status_until === null) return;
  rt.wakeups.set(k, rt.clock.at(row.status_until, () => due(rt, k)));
}

/** After an engine restart: every pending change gets its wake-up again. */
export function resume(rt: RdsRuntime): void {
  const rows = rt.store.stmt('SELECT * FROM rds_instances WHERE status_until IS NOT NULL').all() as InstanceRow[];
  for (const r of rows) arm(rt, r);
}
