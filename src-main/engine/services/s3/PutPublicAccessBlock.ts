import type { Ctx } from '../../core/provider';
import type { PutPublicAccessBlockInput } from '../../models/generated/s3';
import { malformedXML } from './errors';
import { requireBucket } from './state/buckets';
import { setPublicAccessBlock } from './state/public-access';

const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export const PutPublicAccessBlock = (ctx: Ctx, input: PutPublicAccessBlockInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const c = input.PublicAccessBlockConfiguration;
  if (!c) throw malformedXML();
  // Every flag is stored, false when not given, as GetPublicAccessBlock shows them.
  const stored = Object.fromEntries(FLAGS.map((f) => [f, c[f] === true]));
  setPublicAccessBlock(ctx.store, bucket.id, stored);
  return {};
};
