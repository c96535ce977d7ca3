import type { Ctx } from '../../core/provider';
import {
  copySourceTooLarge,
  copyToItself,
  invalidCopySource,
  invalidMetadataDirective,
  MAX_OBJECT_SIZE,
  noSuchKey,
} from './errors';
import { attrsFromInput, checkKey, checkStorageClass, type AttrsInput } from './object-attrs';
import { checkConditions } from './preconditions';
import { requireBucket } from './state/buckets';
import { attrsOf, findObject, objectBlobs, writeObject } from './state/objects';
import { s3Now } from './time';

interface CopyObjectInput extends AttrsInput {
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
function parseCopySource(raw: string): { bucket: string; key: string } {
  const path = raw.replace(/^\//, '').replace(/\?versionId=.*$/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw invalidCopySource(raw);
  try {
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
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
  const row = findObject(ctx.store, sourceBucket.id, source.key);
  if (!row) throw noSuchKey(source.key);
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
    if (input.WebsiteRedirectLocation !== undefined) attrs.headers.WebsiteRedirectLocation = input.WebsiteRedirectLocation;
    const sameKey = sourceBucket.id === target.id && source.key === input.Key;
    const changed = input.StorageClass !== undefined && input.StorageClass !== row.storage_class;
    if (sameKey && !changed && input.WebsiteRedirectLocation === undefined) throw copyToItself();
  }
  const now = s3Now(ctx);
  writeObject(ctx.store, {
    bucketId: target.id,
    key: input.Key,
    size: row.size,
    etag: row.etag,
    lastModified: now,
    attrs,
    partsCount: row.parts_count,
    blobs: objectBlobs(ctx.store, row.id),
  });
  return { CopyObjectResult: { ETag: row.etag, LastModified: new Date(now) } };
};
