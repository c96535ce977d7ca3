import type { Ctx } from '../../core/provider';
import type { PutBucketOwnershipControlsInput } from '../../models/generated/s3';
import { AwsError } from '../../protocol/errors';
import { malformedXML } from './errors';
import { ownerOf } from './owner';
import { grantsOf } from './state/acls';
import { requireBucket } from './state/buckets';
import { setOwnership } from './state/public-access';

const SETTINGS = new Set(['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced']);

/** BucketOwnerEnforced turns ACLs off; S3 refuses it while the bucket's ACL still grants others. */
export const PutBucketOwnershipControls = (ctx: Ctx, input: PutBucketOwnershipControlsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const rules = input.OwnershipControls?.Rules;
  if (!Array.isArray(rules) || rules.length !== 1 || !SETTINGS.has(rules[0]!.ObjectOwnership)) throw malformedXML();
  const setting = rules[0]!.ObjectOwnership;
  if (setting === 'BucketOwnerEnforced') {
    const owner = ownerOf(bucket.account_id);
    const acl = ctx.store.stmt('SELECT acl FROM s3_buckets WHERE id = ?').pluck().get(bucket.id) as string | null;
    if (grantsOf(acl, owner).some((g) => g.Grantee.ID !== owner.ID)) {
      throw new AwsError('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400);
    }
  }
  setOwnership(ctx.store, bucket.id, setting);
  return {};
};
