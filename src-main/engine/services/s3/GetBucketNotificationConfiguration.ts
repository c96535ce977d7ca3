import type { Ctx } from '../../core/provider';
import { getNotifications } from './notifications';
import { requireBucket } from './state/buckets';

export const GetBucketNotificationConfiguration = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  return getNotifications(ctx.store, bucket.id);
};
