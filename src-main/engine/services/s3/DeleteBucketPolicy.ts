import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { deleteBucketPolicy } from './state/bucket-policies';

/** Deleting a policy that does not exist succeeds too, as in S3. */
export const DeleteBucketPolicy = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  deleteBucketPolicy(ctx.store, bucket.id);
  return { [HTTP_STATUS]: 204 };
};
