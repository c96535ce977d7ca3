import type { Ctx } from '../../core/provider';
import { arm, DURATION } from './lifecycle';
import { invalidDBInstanceState, invalidParameterCombination } from './errors';
import { instanceOutput } from './output';
import { runtimeOf } from './runtime';
import { takeSnapshot } from './snapshot-job';
import { getInstance, setStatus } from './state/instances';
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
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  // No new connections from now on; the folder goes when the deletion completes (after any final snapshot).
  if (rt.supervisor.has(row.resource_id)) void rt.supervisor.stop(row.resource_id);
  return { DBInstance: instanceOutput(ctx, row) };
}
