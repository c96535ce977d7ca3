import type { Ctx } from '../../core/provider';
import { streaming } from '../../core/provider';
import { checkContentMd5, commitIngested, dropIngested, ingestBody, type RequestBodyInput } from './body';
import { invalidPartNumber, MAX_OBJECT_SIZE, noSuchUpload } from './errors';
import { requireBucket } from './state/buckets';
import { findUpload, writePart } from './state/uploads';
import { s3Now } from './time';

interface UploadPartInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  PartNumber: number;
  Body?: RequestBodyInput;
  ContentMD5?: string;
}

export const MAX_PART_NUMBER = 10000;

/** Streams the part into its own blob; the final transaction links it (replacing a same-numbered part). */
export const UploadPart = streaming(async (ctx: Ctx, input: UploadPartInput) => {
  const partNumber = input.PartNumber;
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) throw invalidPartNumber(partNumber);
  const bucket = requireBucket(ctx, input.Bucket);
  if (!findUpload(ctx.store, bucket.id, input.Key, input.UploadId)) throw noSuchUpload(input.UploadId);
  const expectedMd5 = checkContentMd5(input.ContentMD5);
  const body = await ingestBody(ctx.store, ctx.clock.now(), input.Body, MAX_OBJECT_SIZE, expectedMd5);
  const etag = `"${body.md5.toString('hex')}"`;
  try {
    ctx.commit(() => {
      // The upload may have been completed or aborted while the part streamed in.
      const b = requireBucket(ctx, input.Bucket);
      const upload = findUpload(ctx.store, b.id, input.Key, input.UploadId);
      if (!upload) throw noSuchUpload(input.UploadId);
      const now = s3Now(ctx);
      const blobId = commitIngested(ctx.store, body, now);
      writePart(ctx.store, { upload_id: upload.id, part_number: partNumber, blob_id: blobId, size: body.size, etag, last_modified: now });
    });
  } catch (e) {
    dropIngested(ctx.store, body);
    throw e;
  }
  return { ETag: etag };
});
