import type { Ctx } from '../../core/provider';
import { requireBucket } from './state/buckets';

/** Errors come out as a bare status: the serializer sends no body on HEAD. */
export const HeadBucket = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  return { BucketRegion: bucket.region, AccessPointAlias: false };
};
