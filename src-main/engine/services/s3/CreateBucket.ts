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
import { malformedXML } from './errors';
import { ownerOf } from './owner';
import { grantsJson, requestedGrants, type AclInput } from './state/acls';
import { aclsNotSupported, setOwnership } from './state/public-access';

interface CreateBucketInput extends AclInput {
  Bucket: string;
  ObjectOwnership?: string;
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
  const owner = ownerOf(ctx.accountId);
  const grants = requestedGrants(input, owner, owner);
  const ownership = input.ObjectOwnership;
  if (ownership !== undefined && !['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'].includes(ownership)) throw malformedXML();
  if (ownership === 'BucketOwnerEnforced' && grants?.some((g) => g.Grantee.ID !== owner.ID)) throw aclsNotSupported();
  insertBucket(ctx.store, { partition, name, account_id: ctx.accountId, region, created_at: s3Now(ctx) });
  const bucket = findBucket(ctx.store, partition, name)!;
  if (grants) ctx.store.stmt('UPDATE s3_buckets SET acl = ? WHERE id = ?').run(grantsJson(grants, owner), bucket.id);
  if (ownership !== undefined) setOwnership(ctx.store, bucket.id, ownership);
  return { Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` };
};
