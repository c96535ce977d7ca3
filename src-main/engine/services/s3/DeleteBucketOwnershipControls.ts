import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { setOwnership } from './state/public-access';

export const DeleteBucketOwnershipControls = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  setOwnership(ctx.store, bucket.id, null);
  return { [HTTP_STATUS]: 204 };
};
