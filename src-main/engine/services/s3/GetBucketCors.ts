import type { Ctx } from '../../core/provider';
import { noSuchCorsConfiguration } from './errors';
import { requireBucket } from './state/buckets';
import { getCors } from './state/cors';

export const GetBucketCors = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const rules = getCors(ctx.store, bucket.id);
  if (!rules) throw noSuchCorsConfiguration(bucket.name);
  return { CORSRules: rules };
};
