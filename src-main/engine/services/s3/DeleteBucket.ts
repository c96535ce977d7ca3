import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { bucketNotEmpty } from './errors';
import { deleteBucketRow, requireBucket } from './state/buckets';
import { hasObjects } from './state/objects';
import { hasVersions } from './state/versions';
import { deleteUpload, uploadIdsOfBucket } from './state/uploads';

export const DeleteBucket = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  if (hasObjects(ctx.store, bucket.id) || hasVersions(ctx.store, bucket.id)) throw bucketNotEmpty(input.Bucket);
  // Unfinished multipart uploads go with the bucket, so their parts' blobs do not leak.
  for (const id of uploadIdsOfBucket(ctx.store, bucket.id)) deleteUpload(ctx.store, id);
  deleteBucketRow(ctx.store, bucket.id);
  return { [HTTP_STATUS]: 204 };
};
