import type { Ctx } from '../../core/provider';
import { invalidDBInstanceState } from './errors';
import { snapshotOutput } from './output';
import { takeSnapshot } from './snapshot-job';
import { getInstance, setStatus } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/** A manual snapshot: the instance shows `backing-up` while its engine folder is copied. */
export function CreateDBSnapshot(ctx: Ctx, input: RdsInput<'CreateDBSnapshot'>): RdsOutput<'CreateDBSnapshot'> {
  const row = getInstance(ctx, input.DBInstanceIdentifier);
  if (row.status !== 'available') throw invalidDBInstanceState(`Cannot create a snapshot because the database instance ${row.id} is not currently in the available state.`);
  const snap = takeSnapshot(ctx, row, input.DBSnapshotIdentifier, 'manual', input.Tags ?? []);
  setStatus(ctx, row, 'backing-up');
  return { DBSnapshot: snapshotOutput(snap) };
}
