import type { Ctx } from '../../core/provider';
import {
  copySourceTooLarge,
  copyToItself,
  invalidCopySource,
  invalidMetadataDirective,
  MAX_OBJECT_SIZE,
} from './errors';
import { attrsFromInput, checkKey, checkStorageClass, type AttrsInput } from './object-attrs';
import { checkConditions } from './preconditions';
import { requireBucket } from './state/buckets';
import { notify } from './notifications';
import { ownerOf } from './owner';
import { readTarget } from './read-target';
import { grantsJson, requestedGrants, type AclInput } from './state/acls';
import { checkAclAllowed } from './state/public-access';
import { attrsOf } from './state/objects';
import { versioningOf, versionIdOf, writeVersion } from './state/versions';
import { s3Now } from './time';

interface CopyObjectInput extends AttrsInput, AclInput {
  Bucket: string;
  Key: string;
  CopySource: string;
  MetadataDirective?: string;
  CopySourceIfMatch?: string;
  CopySourceIfNoneMatch?: string;
  CopySourceIfModifiedSince?: Date;
  CopySourceIfUnmodifiedSince?: Date;
}

/** x-amz-copy-source: `bucket/key` (or `/bucket/key`), URL-encoded, maybe with `?versionId=`. */
function parseCopySource(raw: string): { bucket: string; key: string; versionId?: string } {
  const version = /\?versionId=(.*)$/.exec(raw);
  const path = raw.replace(/^\//, '').replace(/\?versionId=.*$/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw invalidCopySource(raw);
  try {
    const out = { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
    return version ? { ...out, versionId: decodeURIComponent(version[1]!) } : out;
  } catch {
    throw invalidCopySource(raw);
  }
}

/** No bytes are copied: the new object links the source's blobs (blobs are shared, see state/blobs.ts). */
export const CopyObject = (ctx: Ctx, input: CopyObjectInput) => {
  const source = parseCopySource(input.CopySource);
  const target = requireBucket(ctx, input.Bucket);
  checkKey(input.Key);
  const directive = input.MetadataDirective ?? 'COPY';
  if (directive !== 'COPY' && directive !== 'REPLACE') throw invalidMetadataDirective(directive);
  const sourceBucket = requireBucket(ctx, source.bucket);
  // An archived source needs a finished restore, as a GET does.
  const read = readTarget(ctx, sourceBucket, source.key, source.versionId, 'GET', true);
  const row = read.row;
  checkConditions(
    {
      ifMatch: input.CopySourceIfMatch,
      ifNoneMatch: input.CopySourceIfNoneMatch,
      ifModifiedSince: input.CopySourceIfModifiedSince,
      ifUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
    },
    row.etag,
    row.last_modified,
    true,
  );
  if (row.size > MAX_OBJECT_SIZE) throw copySourceTooLarge();

  let attrs;
  if (directive === 'REPLACE') attrs = attrsFromInput(input);
  else {
    attrs = attrsOf(row);
    attrs.storageClass = checkStorageClass(input.StorageClass);
    if (input.WebsiteRedirectLocation !== undefined)
      attrs.headers.WebsiteRedirectLocation = input.WebsiteRedirectLocation;
    const sameKey = sourceBucket.id === target.id && source.key === input.Key;
    const changed = input.StorageClass !== undefined && input.StorageClass !== row.storage_class;
    if (sameKey && !changed && input.WebsiteRedirectLocation === undefined) throw copyToItself();
  }
  // A copy starts private unless the request names an ACL (S3 does not copy ACLs).
  const owner = ownerOf(target.account_id);
  const grants = requestedGrants(input, owner, owner);
  checkAclAllowed(ctx.store, target.id, grants, owner.ID);
  const now = s3Now(ctx);
  const versionId = writeVersion(
    ctx.store,
    {
      bucketId: target.id,
      key: input.Key,
      size: row.size,
      etag: row.etag,
      lastModified: now,
      attrs,
      partsCount: row.parts_count,
      blobs: read.blobs(),
      acl: grantsJson(grants, owner),
    },
    now,
  );
  notify(ctx, target, [{ name: 'ObjectCreated:Copy', key: input.Key, size: row.size, etag: row.etag, versionId }]);
  const out: Record<string, unknown> = { CopyObjectResult: { ETag: row.etag, LastModified: new Date(now) } };
  if (versionId !== undefined) out.VersionId = versionId;
  if (versioningOf(ctx.store, sourceBucket.id) !== null) out.CopySourceVersionId = versionIdOf(row);
  return out;
};
