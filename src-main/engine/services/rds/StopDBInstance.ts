import type { Ctx } from '../../core/provider';
import { arm, DURATION } from './lifecycle';
import { invalidDBInstanceState } from './errors';
import { instanceOutput } from './output';
import { runtimeOf } from './runtime';
import { getInstance, setStatus } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/** `stopping`, then `stopped`: the engine process ends then and its memory is returned. */
export function StopDBInstance(ctx: Ctx, input: RdsInput<'StopDBInstance'>): RdsOutput<'StopDBInstance'> {
  let row = getInstance(ctx, input.DBInstanceIdentifier);
  if (row.status !== 'available') throw invalidDBInstanceState(`Instance ${row.id} is not in available state.`);
  if (input.DBSnapshotIdentifier) throw invalidDBInstanceState('Stopping with a snapshot is not simulated in Nimbus Lab yet.');
  row = setStatus(ctx, row, 'stopping', { status: 'stopped', afterMs: DURATION.stop });
  arm(runtimeOf(ctx.store), row);
  return { DBInstance: instanceOutput(ctx, row) };
}
