import type { Ctx } from '../../core/provider';
import { arm, DURATION } from './lifecycle';
import { invalidDBInstanceState, invalidParameterCombination } from './errors';
import { instanceOutput } from './output';
import { runtimeOf } from './runtime';
import { getInstance, setStatus } from './state/instances';
import type { RdsInput, RdsOutput } from './types';

/** The engine process really restarts (its crash recovery runs); `rebooting` for a simulated minute. */
export function RebootDBInstance(ctx: Ctx, input: RdsInput<'RebootDBInstance'>): RdsOutput<'RebootDBInstance'> {
  let row = getInstance(ctx, input.DBInstanceIdentifier);
  if (row.status !== 'available') throw invalidDBInstanceState(`DB instance ${row.id} is not in available state.`);
  if (input.ForceFailover && !row.multi_az) throw invalidParameterCombination('Cannot reboot with failover: the DB instance is not Multi-AZ.');
  row = setStatus(ctx, row, 'rebooting', { status: 'available', afterMs: DURATION.reboot });
  const rt = runtimeOf(ctx.store);
  arm(rt, row);
  if (rt.supervisor.has(row.resource_id)) void rt.supervisor.stop(row.resource_id);
  return { DBInstance: instanceOutput(ctx, row) };
}
