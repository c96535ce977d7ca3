import type { Ctx } from '../../core/provider';
import { arm, DURATION } from './lifecycle';
import { invalidDBInstanceState, invalidParameterCombination } from './errors';
import { instanceOutput } from './output';
import { runtimeOf } from './runtime';
import { takeSnapshot } from './snapshot-job';
import { effectiveStatus, getInstance, setStatus, settle, type InstanceRow } from './state/instances';
import { promote } from './PromoteReadReplica';
import type { RdsInput, RdsOutput } from './types';

/**
 * `deleting` for a couple of simulated minutes, then gone with its engine folder and interface. A
 * final snapshot (the default: SkipFinalSnapshot is false) is taken from the stopped engine first.
 */
export function DeleteDBInstance(ctx: Ctx, input: RdsInput<'DeleteDBInstance'>): RdsOutput<'DeleteDBInstance'> {
  let row = getInstance(ctx, input.DBInstanceIdentifier);
  if (row.deletion_protection) throw invalidParameterCombination('Cannot delete protected DB Instance, please disable deletion protection and try again.');
  if (row.status === 'deleting') throw invalidDBInstanceState(`Instance ${row.id} is already being deleted.`);
  const skip = input.SkipFinalSnapshot ?? false;
  if (!skip && !input.FinalDBSnapshotIdentifier) throw invalidParameterCombination('FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
  if (skip && input.FinalDBSnapshotIdentifier) throw invalidParameterCombination('Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is true.');
  if (!skip && input.FinalDBSnapshotIdentifier) takeSnapshot(ctx, row, input.FinalDBSnapshotIdentifier, 'manual');
  row = setStatus(ctx, row, 'deleting', { status: 'deleted', afterMs: DURATION.delete });
  // Its read replicas become stand-alone instances, as on AWS.
  for (const r of ctx.store.stmt("SELECT * FROM rds_instances WHERE account_id = ? AND region = ? AND json_extract(extra, '$.replicaOfResourceId') = ?").all(ctx.accountId, ctx.region, row.resource_id) as InstanceRow[]) {
    if (effectiveStatus(r, ctx.clock.now()) === 'available') promote(ctx, settle(ctx, r), 1);
  }
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  // No new connections from now on; the folder goes when the deletion completes (after any final snapshot).
  if (rt.supervisor.has(row.resource_id)) void rt.supervisor.stop(row.resource_id);
  return { DBInstance: instanceOutput(ctx, row) };
}
