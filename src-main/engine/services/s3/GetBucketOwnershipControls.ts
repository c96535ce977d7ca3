import type { Ctx } from '../../core/provider';
import { ownershipControlsNotFound } from './errors';
import { requireBucket } from './state/buckets';
import { getOwnership } from './state/public-access';

export const GetBucketOwnershipControls = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const setting = getOwnership(ctx.store, bucket.id);
  if (!setting) throw ownershipControlsNotFound(bucket.name);
  return { OwnershipControls: { Rules: [{ ObjectOwnership: setting }] } };
};
