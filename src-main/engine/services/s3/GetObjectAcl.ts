import type { Ctx } from '../../core/provider';
import { aclRow } from './object-acl';
import { ownerOf } from './owner';
import { grantsOf } from './state/acls';
import { requireBucket } from './state/buckets';

export const GetObjectAcl = (ctx: Ctx, input: { Bucket: string; Key: string; VersionId?: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const target = aclRow(ctx, bucket, input.Key, input.VersionId);
  const owner = ownerOf(bucket.account_id);
  return { Owner: owner, Grants: grantsOf(target.acl, owner) };
};
