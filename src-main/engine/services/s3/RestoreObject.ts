import type { Ctx } from '../../core/provider';
import type { RestoreObjectInput } from '../../models/generated/s3';
import { HTTP_STATUS } from '../../protocol/types';
import { AwsError } from '../../protocol/errors';
import { invalidArgument, invalidVersionId, malformedXML, noSuchKey, noSuchVersion, restoreAlreadyInProgress, restoreNotAllowed } from './errors';
import { requireBucket } from './state/buckets';
import { findObject } from './state/objects';
import { ARCHIVE_CLASSES, DAY, liveRestore, nextMidnight, RESTORE_TIME, type RestoreState } from './state/restores';
import { findVersion, isWellFormedVersionId } from './state/versions';

/**
 * Starts a temporary copy of an archived object (§8.4: "Initiate restore"). It is ready after the
 * tier's time on the simulated clock and kept `Days` days (expiry rounded up to midnight UTC).
 * A second request while it runs is refused; one after it finished only moves the expiry.
 */
export const RestoreObject = (ctx: Ctx, input: RestoreObjectInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const req = input.RestoreRequest ?? {};
  if (req.Type !== undefined || req.SelectParameters || req.OutputLocation) {
    throw new AwsError('NotImplemented', 'S3 Select restores are not implemented in Nimbus Lab yet.', 501);
  }
  const days = req.Days;
  if (days === undefined) throw malformedXML();
  if (!Number.isInteger(days) || days < 1) throw invalidArgument('Days must be a positive integer', 'Days', String(days));
  const tier = req.GlacierJobParameters?.Tier ?? req.Tier ?? 'Standard';
  if (!['Expedited', 'Standard', 'Bulk'].includes(tier)) throw malformedXML();

  let table: 's3_objects' | 's3_versions';
  let row: { id: number; storage_class: string; restore: string | null };
  if (input.VersionId === undefined) {
    const cur = findObject(ctx.store, bucket.id, input.Key);
    if (!cur) throw noSuchKey(input.Key);
    table = 's3_objects';
    row = cur;
  } else {
    if (!isWellFormedVersionId(input.VersionId)) throw invalidVersionId(input.VersionId);
    const found = findVersion(ctx.store, bucket.id, input.Key, input.VersionId);
    if (!found || (!found.current && found.row.delete_marker)) throw noSuchVersion(input.Key, input.VersionId);
    table = found.current ? 's3_objects' : 's3_versions';
    row = found.row;
  }
  if (!ARCHIVE_CLASSES.has(row.storage_class)) throw restoreNotAllowed(row.storage_class);
  const took = RESTORE_TIME[row.storage_class]![tier];
  if (took === undefined) throw invalidArgument(`${tier} retrievals are not available for the ${row.storage_class} storage class`, 'Tier', tier);

  const now = ctx.clock.now();
  const live = liveRestore(row.restore, now);
  if (live && live.readyAt > now) throw restoreAlreadyInProgress();
  let state: RestoreState;
  let status: number;
  if (live) {
    state = { ...live, expiresAt: nextMidnight(now + days * DAY) };
    status = 200;
  } else {
    const readyAt = now + took;
    state = { tier, readyAt, expiresAt: nextMidnight(readyAt + days * DAY) };
    status = 202;
  }
  ctx.store.stmt(`UPDATE ${table} SET restore = ? WHERE id = ?`).run(JSON.stringify(state), row.id);
  return { [HTTP_STATUS]: status };
};
