import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { invalidVersionId } from './errors';
import { requireBucket } from './state/buckets';
import { deleteCurrent, deleteVersion, isWellFormedVersionId } from './state/versions';
import { s3Now } from './time';
import { notify } from './notifications';

/**
 * Idempotent: deleting a missing key is a 204 too. In a versioned bucket, without a version id it
 * adds a delete marker; with one, that version goes for good.
 */
export const DeleteObject = (ctx: Ctx, input: { Bucket: string; Key: string; VersionId?: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  if (input.VersionId !== undefined && !isWellFormedVersionId(input.VersionId)) throw invalidVersionId(input.VersionId);
  const result =
    input.VersionId === undefined ? deleteCurrent(ctx.store, bucket.id, input.Key, s3Now(ctx)) : deleteVersion(ctx.store, bucket.id, input.Key, input.VersionId);
  notify(ctx, bucket, [{ name: result.DeleteMarker && input.VersionId === undefined ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete', key: input.Key, versionId: result.VersionId }]);
  return { ...result, [HTTP_STATUS]: 204 };
};
