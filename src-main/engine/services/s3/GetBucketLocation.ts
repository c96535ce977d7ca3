import type { Ctx } from '../../core/provider';
import { requireBucket } from './state/buckets';

/** us-east-1 answers an empty LocationConstraint, for historical reasons. */
export const GetBucketLocation = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  return { LocationConstraint: bucket.region === 'us-east-1' ? null : bucket.region };
};
