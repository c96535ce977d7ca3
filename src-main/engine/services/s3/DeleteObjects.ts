import type { Ctx } from '../../core/provider';
import { MAX_KEY_BYTES, malformedXML } from './errors';
import { requireBucket } from './state/buckets';
import { deleteCurrent, deleteVersion, isWellFormedVersionId, type DeleteResult } from './state/versions';
import { s3Now } from './time';
import { notify, type ObjectEvent } from './notifications';

interface DeleteObjectsInput {
  Bucket: string;
  Delete?: { Objects?: { Key: string; VersionId?: string }[]; Quiet?: boolean };
}

const MAX_BATCH = 1000;

/** Each key succeeds or fails on its own; Quiet reports only the failures. */
export const DeleteObjects = (ctx: Ctx, input: DeleteObjectsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const objects = input.Delete?.Objects;
  if (!Array.isArray(objects) || objects.length === 0 || objects.length > MAX_BATCH) throw malformedXML();
  const deleted: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  const now = s3Now(ctx);
  for (const { Key, VersionId } of objects) {
    if (typeof Key !== 'string' || Buffer.byteLength(Key) > MAX_KEY_BYTES) {
      errors.push({ Key: String(Key), Code: 'KeyTooLongError', Message: 'Your key is too long' });
      continue;
    }
    if (VersionId !== undefined && !isWellFormedVersionId(VersionId)) {
      errors.push({ Key, VersionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' });
      continue;
    }
    const r: DeleteResult = VersionId === undefined ? deleteCurrent(ctx.store, bucket.id, Key, now) : deleteVersion(ctx.store, bucket.id, Key, VersionId);
    const entry: Record<string, unknown> = { Key };
    if (VersionId !== undefined) entry.VersionId = VersionId;
    if (r.DeleteMarker) {
      entry.DeleteMarker = true;
      entry.DeleteMarkerVersionId = r.VersionId;
    }
    deleted.push(entry);
  }
  const events: ObjectEvent[] = deleted.map((d) => ({
    name: d.DeleteMarker && d.VersionId === undefined ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete',
    key: d.Key as string,
    versionId: (d.DeleteMarkerVersionId ?? d.VersionId) as string | undefined,
  }));
  notify(ctx, bucket, events);
  const out: Record<string, unknown> = {};
  if (!input.Delete?.Quiet && deleted.length > 0) out.Deleted = deleted;
  if (errors.length > 0) out.Errors = errors;
  return out;
};
