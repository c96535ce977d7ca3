import { createHash } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import { entityTooSmall, invalidPart, invalidPartOrder, malformedXML, MIN_PART_SIZE, noSuchUpload } from './errors';
import { requireBucket } from './state/buckets';
import { attrsOf } from './state/objects';
import { writeVersion } from './state/versions';
import { notify } from './notifications';
import { allParts, deleteUpload, type PartRow } from './state/uploads';
import { findUpload } from './state/uploads';
import { s3Now } from './time';

interface CompleteMultipartUploadInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  MultipartUpload?: { Parts?: { ETag?: string; PartNumber?: number }[] };
}

const bare = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

/**
 * Checks the part list (ascending, present, matching ETags, all but the last ≥ 5 MiB), then links
 * the object to the parts' blobs in order: nothing is copied. ETag = MD5 of the binary part MD5s, "-N".
 */
export const CompleteMultipartUpload = (ctx: Ctx, input: CompleteMultipartUploadInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const upload = findUpload(ctx.store, bucket.id, input.Key, input.UploadId);
  if (!upload) throw noSuchUpload(input.UploadId);
  const requested = input.MultipartUpload?.Parts;
  if (!Array.isArray(requested) || requested.length === 0) throw malformedXML();
  for (let i = 1; i < requested.length; i++) {
    if ((requested[i]!.PartNumber ?? 0) <= (requested[i - 1]!.PartNumber ?? 0)) throw invalidPartOrder(input.UploadId);
  }
  const stored = new Map<number, PartRow>(allParts(ctx.store, upload.id).map((p) => [p.part_number, p]));
  const chosen: PartRow[] = requested.map((r) => {
    const part = stored.get(r.PartNumber ?? 0);
    if (!part || bare(part.etag) !== bare(r.ETag)) throw invalidPart(input.UploadId, r.PartNumber ?? 0, r.ETag);
    return part;
  });
  chosen.forEach((p, i) => {
    if (i < chosen.length - 1 && p.size < MIN_PART_SIZE) throw entityTooSmall(input.UploadId, p.part_number, p.size, p.etag);
  });
  const digests = Buffer.concat(chosen.map((p) => Buffer.from(bare(p.etag), 'hex')));
  const etag = `"${createHash('md5').update(digests).digest('hex')}-${chosen.length}"`;
  const now = s3Now(ctx);
  const versionId = writeVersion(
    ctx.store,
    {
      bucketId: bucket.id,
      key: input.Key,
      size: chosen.reduce((n, p) => n + p.size, 0),
      etag,
      lastModified: now,
      attrs: attrsOf(upload),
      partsCount: chosen.length,
      blobs: chosen.map((p) => ({ blobId: p.blob_id, size: p.size })),
    },
    now,
  );
  notify(ctx, bucket, [{ name: 'ObjectCreated:CompleteMultipartUpload', key: input.Key, size: chosen.reduce((n, p) => n + p.size, 0), etag, versionId }]);
  // Parts left out of the list are released with the upload; the chosen ones stay linked.
  deleteUpload(ctx.store, upload.id);
  return {
    Location: `http://${input.Bucket}.s3.amazonaws.com/${encodeURIComponent(input.Key).replace(/%2F/g, '/')}`,
    Bucket: input.Bucket,
    Key: input.Key,
    ETag: etag,
    ...(versionId !== undefined ? { VersionId: versionId } : {}),
  };
};
