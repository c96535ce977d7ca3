import type { Ctx } from '../../core/provider';
import { streaming } from '../../core/provider';
import { commitIngested, checkContentMd5, dropIngested, ingestBody, type Ingested, type RequestBodyInput } from './body';
import { MAX_OBJECT_SIZE } from './errors';
import { attrsFromInput, checkKey, type AttrsInput } from './object-attrs';
import { ownerOf } from './owner';
import { grantsJson, requestedGrants, type AclInput } from './state/acls';
import { requireBucket } from './state/buckets';
import { checkAclAllowed } from './state/public-access';
import { writeVersion } from './state/versions';
import { notify } from './notifications';
import { s3Now } from './time';

interface PutObjectInput extends AttrsInput, AclInput {
  Bucket: string;
  Key: string;
  Body?: RequestBodyInput;
  ContentMD5?: string;
}

/**
 * Every check that needs no body runs before a byte is read. The body is then taken in (a Buffer,
 * or streamed into a staging blob), and one final transaction links it to the key. A body that
 * fails its MD5, signature or payload check leaves nothing behind.
 */
export const PutObject = streaming(async (ctx: Ctx, input: PutObjectInput) => {
  const target = requireBucket(ctx, input.Bucket);
  checkKey(input.Key);
  const owner = ownerOf(target.account_id);
  const grants = requestedGrants(input, owner, owner);
  checkAclAllowed(ctx.store, target.id, grants, owner.ID);
  const attrs = attrsFromInput(input);
  const expectedMd5 = checkContentMd5(input.ContentMD5);
  const body: Ingested = await ingestBody(ctx.store, ctx.clock.now(), input.Body, MAX_OBJECT_SIZE, expectedMd5);
  const etag = `"${body.md5.toString('hex')}"`;
  let versionId: string | undefined;
  try {
    ctx.commit(() => {
      const bucket = requireBucket(ctx, input.Bucket); // it may have gone while the body streamed
      const now = s3Now(ctx);
      const blobId = commitIngested(ctx.store, body, now);
      versionId = writeVersion(
        ctx.store,
        { bucketId: bucket.id, key: input.Key, size: body.size, etag, lastModified: now, attrs, partsCount: null, blobs: [{ blobId, size: body.size }], acl: grantsJson(grants, owner) },
        now,
      );
      notify(ctx, bucket, [{ name: 'ObjectCreated:Put', key: input.Key, size: body.size, etag, versionId }]);
    });
  } catch (e) {
    dropIngested(ctx.store, body);
    throw e;
  }
  return versionId === undefined ? { ETag: etag } : { ETag: etag, VersionId: versionId };
});
