import type { Ctx } from '../../core/provider';
import { noSuchPublicAccessBlockConfiguration } from './errors';
import { requireBucket } from './state/buckets';
import { getPublicAccessBlock } from './state/public-access';

export const GetPublicAccessBlock = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const c = getPublicAccessBlock(ctx.store, bucket.id);
  if (!c) throw noSuchPublicAccessBlockConfiguration(bucket.name);
  return { PublicAccessBlockConfiguration: c };
};
