import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { deleteLifecycle } from './state/lifecycles';

export const DeleteBucketLifecycle = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  deleteLifecycle(ctx.store, bucket.id);
  return { [HTTP_STATUS]: 204 };
};
