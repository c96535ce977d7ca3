import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { setCors } from './state/cors';

export const DeleteBucketCors = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  setCors(ctx.store, bucket.id, null);
  return { [HTTP_STATUS]: 204 };
};
