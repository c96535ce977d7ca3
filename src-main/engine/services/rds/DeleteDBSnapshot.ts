import { rmSync } from 'node:fs';
import type { Ctx } from '../../core/provider';
import { invalidDBSnapshotState } from './errors';
import { snapshotOutput } from './output';
import { runtimeOf, snapshotDir } from './runtime';
import { deleteSnapshotRow, getSnapshot } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

export function DeleteDBSnapshot(ctx: Ctx, input: RdsInput<'DeleteDBSnapshot'>): RdsOutput<'DeleteDBSnapshot'> {
  const s = getSnapshot(ctx, input.DBSnapshotIdentifier);
  if (s.status !== 'available' && s.status !== 'failed') throw invalidDBSnapshotState(`Cannot delete the snapshot because it is in the ${s.status} state.`);
  if (s.snapshot_type === 'automated') throw invalidDBSnapshotState('Automated snapshots are deleted with their instance or when they leave the retention period.');
  deleteSnapshotRow(ctx, s.id);
  const dir = snapshotDir(runtimeOf(ctx.store), s.resource_id);
  setImmediate(() => rmSync(dir, { recursive: true, force: true }));
  return { DBSnapshot: { ...snapshotOutput(s), Status: 'deleted' } };
}
