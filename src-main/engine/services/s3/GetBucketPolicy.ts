import type { Ctx } from '../../core/provider';
import { noSuchBucketPolicy } from './errors';
import { requireBucket } from './state/buckets';
import { getBucketPolicy } from './state/bucket-policies';

export const GetBucketPolicy = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const policy = getBucketPolicy(ctx.store, bucket.id);
  if (policy === undefined) throw noSuchBucketPolicy(bucket.name);
  return { Policy: policy };
};
