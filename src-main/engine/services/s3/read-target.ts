/** Which version a GET or HEAD reads, and what S3 says when it cannot be read. */
import type { Ctx } from '../../core/provider';
import { deleteMarkerNotAllowed, invalidObjectState, invalidVersionId, noSuchKey, noSuchKeyDeleted, noSuchVersion } from './errors';
import type { BucketRow } from './state/buckets';
import { findObject, objectBlobs, type BlobLink, type ObjectRow } from './state/objects';
import { ARCHIVE_CLASSES, isRestored, restoreHeader } from './state/restores';
import { findVersion, isWellFormedVersionId, latestDeleteMarker, versionBlobs, versioningOf, versionIdOf } from './state/versions';

export interface ReadTarget {
  row: ObjectRow;
  blobs: () => BlobLink[];
  /** Members every read answers besides planRead's: VersionId, Restore. */
  extra: Record<string, unknown>;
}

export function readTarget(ctx: Ctx, bucket: BucketRow, key: string, versionId: string | undefined, method: 'GET' | 'HEAD', body: boolean): ReadTarget {
  let target: ReadTarget;
  if (versionId === undefined) {
    const row = findObject(ctx.store, bucket.id, key);
    if (!row) {
      const marker = latestDeleteMarker(ctx.store, bucket.id, key);
      throw marker ? noSuchKeyDeleted(key, marker.version_id) : noSuchKey(key);
    }
    target = { row, blobs: () => objectBlobs(ctx.store, row.id), extra: {} };
  } else {
    if (!isWellFormedVersionId(versionId)) throw invalidVersionId(versionId);
    const found = findVersion(ctx.store, bucket.id, key, versionId);
    if (!found) throw noSuchVersion(key, versionId);
    if (found.current) target = { row: found.row, blobs: () => objectBlobs(ctx.store, found.row.id), extra: {} };
    else {
      const v = found.row;
      if (v.delete_marker) throw deleteMarkerNotAllowed(method, v.version_id, v.last_modified);
      const row: ObjectRow = { ...v, version_id: v.version_id };
      target = { row, blobs: () => versionBlobs(ctx.store, v.id), extra: {} };
    }
  }
  if (versioningOf(ctx.store, bucket.id) !== null) target.extra.VersionId = versionIdOf(target.row);
  const now = ctx.clock.now();
  if (ARCHIVE_CLASSES.has(target.row.storage_class)) {
    // HEAD shows an archived object; GET needs a finished restore (§8.4).
    if (body && !isRestored(target.row.restore, now)) throw invalidObjectState(target.row.storage_class);
    const restore = restoreHeader(target.row.restore, now);
    if (restore) target.extra.Restore = restore;
  }
  return target;
}
