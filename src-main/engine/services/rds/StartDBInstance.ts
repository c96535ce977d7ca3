import type { Ctx } from '../../core/provider';
import { arm, DURATION } from './lifecycle';
import { invalidDBInstanceState } from './errors';
import { instanceOutput } from './output';
import { withGroupApplied } from './parameter-apply';
import { defineEngine, runtimeOf } from './runtime';
import { getInstance, setStatus, updateInstance } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/** `starting`, then `available` with its engine warmed up. */
export function StartDBInstance(ctx: Ctx, input: RdsInput<'StartDBInstance'>): RdsOutput<'StartDBInstance'> {
  let row = getInstance(ctx, input.DBInstanceIdentifier);
  if (row.status !== 'stopped') throw invalidDBInstanceState(`Instance ${row.id} is not stopped, it cannot be started.`);
  row = updateInstance(ctx, row, { extra: withGroupApplied(ctx, row) });
  row = setStatus(ctx, row, 'starting', { status: 'available', afterMs: DURATION.start });
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  defineEngine(rt, row);
  return { DBInstance: instanceOutput(ctx, row) };
}
