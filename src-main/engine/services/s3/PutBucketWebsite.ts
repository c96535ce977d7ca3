import type { Ctx } from '../../core/provider';
import type { PutBucketWebsiteInput } from '../../models/generated/s3';
import { malformedWebsite } from './errors';
import { requireBucket } from './state/buckets';
import { putWebsite } from './state/websites';

/** Turns a bucket into a static website (§8.6.3); `aws s3 website` calls this. */
export const PutBucketWebsite = (ctx: Ctx, input: PutBucketWebsiteInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const c = input.WebsiteConfiguration ?? {};
  if (c.RedirectAllRequestsTo && (c.IndexDocument || c.ErrorDocument || c.RoutingRules)) {
    throw malformedWebsite('RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.');
  }
  if (!c.RedirectAllRequestsTo && !c.IndexDocument?.Suffix) throw malformedWebsite('A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty');
  if (c.IndexDocument?.Suffix?.includes('/')) throw malformedWebsite('The IndexDocument Suffix is not well formed');
  putWebsite(ctx.store, bucket.id, c);
  return {};
};
