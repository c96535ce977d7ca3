import type { Ctx } from '../../core/provider';
import { ownerOf } from './owner';
import { grantsOf } from './state/acls';
import { requireBucket } from './state/buckets';

export const GetBucketAcl = (ctx: Ctx, input: { Bucket: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const owner = ownerOf(bucket.account_id);
  const acl = ctx.store.stmt('SELECT acl FROM s3_buckets WHERE id = ?').pluck().get(bucket.id) as string | null;
  return { Owner: owner, Grants: grantsOf(acl, owner) };
};
