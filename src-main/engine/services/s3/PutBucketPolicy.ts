import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { knownActions } from '../iam/api';
import { requireBucket } from './state/buckets';
import { checkBucketPolicy, putBucketPolicy } from './state/bucket-policies';
import { accessDenied } from './errors';
import { getPublicAccessBlock, isPublicPolicy } from './state/public-access';

/** The book's static website (§8.6.2) makes its objects public with one of these. */
export const PutBucketPolicy = (ctx: Ctx, input: { Bucket: string; Policy: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  checkBucketPolicy(bucket.name, input.Policy, knownActions);
  // Block Public Access refuses a policy that opens the bucket to everyone, with a bare 403.
  if (getPublicAccessBlock(ctx.store, bucket.id)?.BlockPublicPolicy && isPublicPolicy(input.Policy)) throw accessDenied();
  putBucketPolicy(ctx.store, bucket.id, input.Policy);
  return { [HTTP_STATUS]: 204 };
};
