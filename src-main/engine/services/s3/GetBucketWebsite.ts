import type { Ctx } from '../../core/provider';
import type { GetBucketWebsiteOutput } from '../../models/generated/s3';
import { noSuchWebsiteConfiguration } from './errors';
import { requireBucket } from './state/buckets';
import { getWebsite } from './state/websites';

export const GetBucketWebsite = (ctx: Ctx, input: { Bucket: string }): GetBucketWebsiteOutput => {
  const bucket = requireBucket(ctx, input.Bucket);
  const c = getWebsite(ctx.store, bucket.id);
  if (!c) throw noSuchWebsiteConfiguration(bucket.name);
  return c;
};
