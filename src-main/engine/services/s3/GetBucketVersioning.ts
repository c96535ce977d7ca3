import type { Ctx } from '../../core/provider';
import type { GetBucketVersioningOutput } from '../../models/generated/s3';
import { requireBucket } from './state/buckets';
import { versioningOf } from './state/versions';

/** A bucket never versioned answers an empty configuration, as S3 does. */
export const GetBucketVersioning = (ctx: Ctx, input: { Bucket: string }): GetBucketVersioningOutput => {
  const bucket = requireBucket(ctx, input.Bucket);
  const status = versioningOf(ctx.store, bucket.id);
  return status ? { Status: status } : {};
};
