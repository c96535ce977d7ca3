import { streaming, type Ctx } from '../../core/provider';
import { AwsError } from '../../protocol/errors';
import { dbInstanceNotFound, invalidParameterCombination } from './errors';
import { inheritedExtra, launchInstance, restoredSettings } from './launch';
import { instanceOutput } from './output';
import { logPath, runtimeOf, snapshotLogOffset } from './runtime';
import { findInstance, type InstanceRow } from './state/instances';
import type { SnapshotRow } from './state/snapshots';
import type { RdsInput, RdsOutput } from './types';

const invalidRestore = (message: string) => new AwsError('InvalidRestoreFault', message, 400);
const notEnabled = (id: string) => new AwsError('PointInTimeRestoreNotEnabled', `Point-in-time restore is not enabled for DB instance ${id}.`, 400);

/** The automated backup a restore to `at` starts from: the newest taken at or before it. */
export function baseBackup(ctx: Ctx, source: InstanceRow, at: number): SnapshotRow | undefined {
  return ctx.store
    .stmt(
      "SELECT * FROM rds_snapshots WHERE account_id = ? AND region = ? AND instance_resource_id = ? AND snapshot_type = 'automated' AND status = 'available' AND created_at <= ? ORDER BY created_at DESC LIMIT 1",
    )
    .get(ctx.accountId, ctx.region, source.resource_id, at) as SnapshotRow | undefined;
}

/** The earliest second a restore can reach: the oldest automated backup still kept. */
export function earliestRestorable(ctx: Pick<Ctx, 'store' | 'accountId' | 'region'>, source: InstanceRow): number | undefined {
  const r = ctx.store
    .stmt("SELECT MIN(created_at) AS t FROM rds_snapshots WHERE account_id = ? AND region = ? AND instance_resource_id = ? AND snapshot_type = 'automated' AND status = 'available'")
    .get(ctx.accountId, ctx.region, source.resource_id) as { t: number | null };
  return r.t ?? undefined;
}

/**
 * §11.3.3: a new instance holding exactly the source's data as of a second in the retention window:
 * the newest automated backup before that second, plus every write the source's engine logged
 * between the backup and that second, replayed by the new engine before it serves.
 */
export const RestoreDBInstanceToPointInTime = streaming(
  async (ctx: Ctx, input: RdsInput<'RestoreDBInstanceToPointInTime'>): Promise<RdsOutput<'RestoreDBInstanceToPointInTime'>> => {
    const sourceId = input.SourceDBInstanceIdentifier ?? input.SourceDbiResourceId;
    if (!sourceId) throw invalidParameterCombination('SourceDBInstanceIdentifier or SourceDbiResourceId is required.');
    const src = ctx.store.read(() => findInstance(ctx, sourceId));
    if (!src) throw dbInstanceNotFound(sourceId);
    if (src.backup_retention === 0) throw notEnabled(src.id);
    if (input.UseLatestRestorableTime && input.RestoreTime) throw invalidParameterCombination('Cannot specify both RestoreTime and UseLatestRestorableTime.');
    if (!input.UseLatestRestorableTime && !input.RestoreTime) throw invalidParameterCombination('Either RestoreTime or UseLatestRestorableTime must be specified.');
    const latest = ctx.clock.now();
    const at = input.UseLatestRestorableTime ? latest : new Date(input.RestoreTime!).getTime();
    if (at > latest) throw invalidRestore(`Restore time ${new Date(at).toISOString()} is after the latest restorable time ${new Date(latest).toISOString()}.`);
    const earliest = ctx.store.read(() => earliestRestorable(ctx, src));
    const base = ctx.store.read(() => baseBackup(ctx, src, at));
    if (!base || earliest === undefined)
      throw invalidRestore(`Restore time ${new Date(at).toISOString()} is before the earliest restorable time${earliest ? ` ${new Date(earliest).toISOString()}` : ''}.`);
    const rt = runtimeOf(ctx.store);
    const row = await launchInstance(ctx, {
      ...restoredSettings(src, input, input.TargetDBInstanceIdentifier),
      extra: { ...inheritedExtra(src), pointInTime: { source: src.id, at } },
      fromSnapshotResourceId: base.resource_id,
      replay: { log: logPath(rt, src.resource_id), offset: snapshotLogOffset(rt, base.resource_id), until: at },
    });
    return { DBInstance: instanceOutput(ctx, row) };
  },
);
