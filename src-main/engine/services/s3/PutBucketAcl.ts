import type { Ctx } from '../../core/provider';
import { malformedXML } from './errors';
import { ownerOf } from './owner';
import { grantsJson, requestedGrants, type AclInput } from './state/acls';
import { requireBucket } from './state/buckets';
import { checkAclAllowed } from './state/public-access';

/** A canned ACL, grant headers or an AccessControlPolicy body: exactly one of them. */
export const PutBucketAcl = (ctx: Ctx, input: AclInput & { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const owner = ownerOf(bucket.account_id);
  const grants = requestedGrants(input, owner, owner);
  if (!grants) throw malformedXML();
  checkAclAllowed(ctx.store, bucket.id, grants, owner.ID);
  ctx.store.stmt('UPDATE s3_buckets SET acl = ? WHERE id = ?').run(grantsJson(grants, owner), bucket.id);
  return {};
};
