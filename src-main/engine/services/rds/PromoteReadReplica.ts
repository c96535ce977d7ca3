import type { Ctx } from '../../core/provider';
import { invalidDBInstanceState, invalidParameterValue } from './errors';
import { arm, DURATION } from './lifecycle';
import { extraOf, instanceOutput } from './output';
import { defineEngine, runtimeOf } from './runtime';
import { automatedId, takeSnapshot } from './snapshot-job';
import { recordEvent } from './state/events';
import { getInstance, setStatus, updateInstance, type InstanceRow } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/** Makes a replica a stand-alone instance: it stops following, accepts writes, and gets backups of its own. */
export function promote(ctx: Pick<Ctx, 'store' | 'clock' | 'accountId' | 'region' | 'call'>, row: InstanceRow, retention: number, window?: string): InstanceRow {
  const extra = extraOf(row) as Record<string, unknown>;
  delete extra.readReplicaSource;
  delete extra.replicaOfResourceId;
  extra.promoted = true;
  let r = updateInstance(ctx as Ctx, row, { extra: JSON.stringify(extra), backup_retention: retention, ...(window ? { backup_window: window } : {}) });
  r = setStatus(ctx as Ctx, r, 'modifying', { status: 'available', afterMs: DURATION.modify });
  const rt = runtimeOf(ctx.store);
  // The engine restarts without the follower and without read-only (after this transaction, before the backup's copy).
  defineEngine(rt, r);
  if (rt.supervisor.has(r.resource_id)) void rt.supervisor.stop(r.resource_id);
  recordEvent(ctx, ctx, { sourceId: r.id, sourceType: 'db-instance', message: 'Read replica promotion started', categories: ['read replica'], eventId: 'RDS-EVENT-0045' });
  if (retention > 0) takeSnapshot(ctx, r, automatedId(r, ctx.clock.now()), 'automated');
  arm(rt, r);
  return r;
}

export function PromoteReadReplica(ctx: Ctx, input: RdsInput<'PromoteReadReplica'>): RdsOutput<'PromoteReadReplica'> {
  const row = getInstance(ctx, input.DBInstanceIdentifier);
  if (!extraOf(row).readReplicaSource) throw invalidDBInstanceState(`DB Instance ${row.id} is not a read replica.`);
  if (row.status !== 'available') throw invalidDBInstanceState(`DB instance ${row.id} is not in available state.`);
  const retention = input.BackupRetentionPeriod ?? 1;
  if (retention < 0 || retention > 35) throw invalidParameterValue('The parameter BackupRetentionPeriod must be between 0 and 35.');
  return { DBInstance: instanceOutput(ctx, promote(ctx, row, retention, input.PreferredBackupWindow)) };
}
