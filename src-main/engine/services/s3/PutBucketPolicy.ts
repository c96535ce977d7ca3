import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { knownActions } from '../iam/api';
import { requireBucket } from './state/buckets';
import { checkBucketPolicy, putBucketPolicy } from './state/bucket-policies';

/** The book's static website (§8.6.2) makes its objects public with one of these. */
export const PutBucketPolicy = (ctx: Ctx, input: { Bucket: string; Policy: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  checkBucketPolicy(bucket.name, input.Policy, knownActions);
  putBucketPolicy(ctx.store, bucket.id, input.Policy);
  return { [HTTP_STATUS]: 204 };
};
