import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import { attrsFromInput, checkKey, type AttrsInput } from './object-attrs';
import { initiatorOf } from './owner';
import { requireBucket } from './state/buckets';
import { insertUpload } from './state/uploads';
import { s3Now } from './time';

interface CreateMultipartUploadInput extends AttrsInput {
  Bucket: string;
  Key: string;
}

export const CreateMultipartUpload = (ctx: Ctx, input: CreateMultipartUploadInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  checkKey(input.Key);
  const attrs = attrsFromInput(input);
  // Opaque and URL-safe, about as long as S3's.
  const uploadId = randomBytes(48).toString('base64url');
  const initiator = initiatorOf(ctx.principal);
  insertUpload(ctx.store, {
    uploadId,
    bucketId: bucket.id,
    key: input.Key,
    initiated: s3Now(ctx),
    initiatorId: initiator.ID,
    initiatorName: initiator.DisplayName,
    attrs,
  });
  return { Bucket: input.Bucket, Key: input.Key, UploadId: uploadId };
};
