import type { Ctx } from '../../core/provider';
import { malformedXML } from './errors';
import { aclRow } from './object-acl';
import { ownerOf } from './owner';
import { grantsJson, requestedGrants, type AclInput } from './state/acls';
import { requireBucket } from './state/buckets';
import { checkAclAllowed } from './state/public-access';

export const PutObjectAcl = (ctx: Ctx, input: AclInput & { Bucket: string; Key: string; VersionId?: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const target = aclRow(ctx, bucket, input.Key, input.VersionId);
  const owner = ownerOf(bucket.account_id);
  const grants = requestedGrants(input, owner, owner);
  if (!grants) throw malformedXML();
  checkAclAllowed(ctx.store, bucket.id, grants, owner.ID);
  ctx.store.stmt(`UPDATE ${target.table} SET acl = ? WHERE id = ?`).run(grantsJson(grants, owner), target.id);
  return {};
};
