import { streaming, type Ctx } from '../../core/provider';
import { invalidDBSnapshotState } from './errors';
import { inheritedExtra, launchInstance, restoredSettings } from './launch';
import { instanceOutput } from './output';
import type { InstanceRow } from './state/instances';
import { getSnapshot } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

/** A new instance whose engine folder starts as a copy of the snapshot's (same data, same master user and password). */
export const RestoreDBInstanceFromDBSnapshot = streaming(
  async (ctx: Ctx, input: RdsInput<'RestoreDBInstanceFromDBSnapshot'>): Promise<RdsOutput<'RestoreDBInstanceFromDBSnapshot'>> => {
    const snap = ctx.store.read(() => getSnapshot(ctx, input.DBSnapshotIdentifier!));
    if (snap.status !== 'available') throw invalidDBSnapshotState('Snapshot must be in available state to restore.');
    const src = JSON.parse(snap.instance) as InstanceRow;
    const row = await launchInstance(ctx, {
      ...restoredSettings(src, input, input.DBInstanceIdentifier),
      extra: { ...inheritedExtra(src), restoredFrom: snap.id },
      fromSnapshotResourceId: snap.resource_id,
    });
    return { DBInstance: instanceOutput(ctx, row) };
  },
);
