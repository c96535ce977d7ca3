/**
 * Block Public Access and Object Ownership per bucket, and S3's answer to "may an anonymous caller
 * do this": the bucket policy and the ACLs, as far as Block Public Access lets them count.
 */
import { evaluate } from '../../../iam/evaluate';
import { AwsError } from '../../../protocol/errors';
import type { Store } from '../../../store/store';
import type { BucketRow } from './buckets';
import { getBucketPolicy } from './bucket-policies';
import { allUsersMay, isPublic, type Grant } from './acls';

export interface PublicAccessBlock {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

export const getPublicAccessBlock = (store: Store, bucketId: number): PublicAccessBlock | undefined => {
  const v = store.stmt('SELECT public_access_block FROM s3_buckets WHERE id = ?').pluck().get(bucketId) as string | null | undefined;
  return v ? (JSON.parse(v) as PublicAccessBlock) : undefined;
};

export const setPublicAccessBlock = (store: Store, bucketId: number, c: PublicAccessBlock | null): void => {
  store.stmt('UPDATE s3_buckets SET public_access_block = ? WHERE id = ?').run(c ? JSON.stringify(c) : null, bucketId);
};

export const getOwnership = (store: Store, bucketId: number): string | undefined =>
  (store.stmt('SELECT ownership FROM s3_buckets WHERE id = ?').pluck().get(bucketId) as string | null | undefined) ?? undefined;

export const setOwnership = (store: Store, bucketId: number, v: string | null): void => {
  store.stmt('UPDATE s3_buckets SET ownership = ? WHERE id = ?').run(v, bucketId);
};

export const aclsNotSupported = () => new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);

/**
 * A new ACL on the bucket or an object: refused when the bucket enforces ownership (ACLs off) or
 * blocks public ACLs and this one is public, as S3 refuses them.
 */
export function checkAclAllowed(store: Store, bucketId: number, grants: Grant[] | undefined, ownerId: string): void {
  if (!grants) return;
  if (getOwnership(store, bucketId) === 'BucketOwnerEnforced') {
    const ownerOnly = grants.every((g) => g.Grantee.ID === ownerId);
    if (!ownerOnly) throw aclsNotSupported();
  }
  if (getPublicAccessBlock(store, bucketId)?.BlockPublicAcls && isPublic(grants)) throw new AwsError('AccessDenied', 'Access Denied', 403);
}

/** A policy statement that allows everyone without a condition makes a policy public. */
export function isPublicPolicy(text: string): boolean {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(text) as { Statement?: unknown };
  } catch {
    return false;
  }
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as { Effect?: string; Principal?: unknown; Condition?: unknown }[];
  const everyone = (p: unknown): boolean => {
    if (p === '*') return true;
    const aws = (p as { AWS?: unknown } | undefined)?.AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  };
  return statements.some((s) => s && s.Effect === 'Allow' && everyone(s.Principal) && (s.Condition === undefined || Object.keys(s.Condition as object).length === 0));
}

/** s3:GetObject on a key (with its ACL) or s3:ListBucket on the bucket, for an unsigned caller. */
export function anonymousMay(store: Store, bucket: BucketRow & { acl?: string | null }, action: string, key?: string, objectAcl?: string | null): boolean {
  const pab = getPublicAccessBlock(store, bucket.id) ?? {};
  const policy = getBucketPolicy(store, bucket.id);
  if (policy) {
    const arn = `arn:${bucket.partition}:s3:::${bucket.name}${key === undefined ? '' : `/${key}`}`;
    const r = evaluate(
      { action, resource: arn, principal: { type: 'anonymous', arn: '*', accountId: 'anonymous' }, resourceAccountId: bucket.account_id },
      { resource: [policy] },
    );
    if (r.decision === 'ExplicitDeny') return false;
    if (r.decision === 'Allow' && !(pab.RestrictPublicBuckets && isPublicPolicy(policy))) return true;
  }
  if (pab.IgnorePublicAcls) return false;
  if (key !== undefined) return allUsersMay(objectAcl ?? null, 'READ');
  const bucketAcl = store.stmt('SELECT acl FROM s3_buckets WHERE id = ?').pluck().get(bucket.id) as string | null;
  return allUsersMay(bucketAcl, 'READ');
}
