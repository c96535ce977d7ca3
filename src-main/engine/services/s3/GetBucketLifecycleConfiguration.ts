import type { Ctx } from '../../core/provider';
import type { GetBucketLifecycleConfigurationOutput } from '../../models/generated/s3';
import { noSuchLifecycleConfiguration } from './errors';
import { requireBucket } from './state/buckets';
import { getLifecycle } from './state/lifecycles';

const asDate = (d: unknown): Date | undefined => (d === undefined ? undefined : new Date(d as string));

export const GetBucketLifecycleConfiguration = (ctx: Ctx, input: { Bucket: string }): GetBucketLifecycleConfigurationOutput => {
  const bucket = requireBucket(ctx, input.Bucket);
  const rules = getLifecycle(ctx.store, bucket.id);
  if (!rules) throw noSuchLifecycleConfiguration(bucket.name);
  // Dates were stored as JSON strings; the serializer wants dates back.
  return {
    Rules: rules.map((r) => ({
      ...r,
      ...(r.Expiration ? { Expiration: { ...r.Expiration, ...(r.Expiration.Date ? { Date: asDate(r.Expiration.Date) } : {}) } } : {}),
      ...(r.Transitions ? { Transitions: r.Transitions.map((t) => ({ ...t, ...(t.Date ? { Date: asDate(t.Date) } : {}) })) } : {}),
    })),
  };
};
