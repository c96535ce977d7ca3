import type { Ctx } from '../../core/provider';
import { checkBucketName } from './bucket-names';
import {
  bucketAlreadyExists,
  bucketAlreadyOwnedByYou,
  illegalLocationConstraintException,
  invalidLocationConstraint,
} from './errors';
import { isKnownRegion } from './regions';
import { findBucket, insertBucket, partitionOf } from './state/buckets';
import { s3Now } from './time';

interface CreateBucketInput {
  Bucket: string;
  CreateBucketConfiguration?: { LocationConstraint?: string };
}

/**
 * The region a new bucket lives in. The us-east-1 endpoint is S3's global one: it accepts any other
 * region as a constraint. Every other regional endpoint only accepts its own region.
 */
function checkLocation(signingRegion: string, constraint: string | undefined): string {
  if (constraint === undefined || constraint === '') {
    if (signingRegion !== 'us-east-1') throw illegalLocationConstraintException(undefined);
    return 'us-east-1';
  }
  if (constraint === 'us-east-1') throw invalidLocationConstraint(constraint);
  const region = constraint === 'EU' ? 'eu-west-1' : constraint;
  if (!isKnownRegion(region)) throw invalidLocationConstraint(constraint);
  if (signingRegion !== 'us-east-1' && region !== signingRegion) throw illegalLocationConstraintException(constraint);
  return region;
}

export const CreateBucket = (ctx: Ctx, input: CreateBucketInput) => {
  const name = input.Bucket;
  checkBucketName(name);
  const region = checkLocation(ctx.region, input.CreateBucketConfiguration?.LocationConstraint);
  const partition = partitionOf(ctx.region);
  const existing = findBucket(ctx.store, partition, name);
  if (existing) throw existing.account_id === ctx.accountId ? bucketAlreadyOwnedByYou(name) : bucketAlreadyExists(name);
  insertBucket(ctx.store, { partition, name, account_id: ctx.accountId, region, created_at: s3Now(ctx) });
  return { Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` };
};
