import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { noSuchUpload } from './errors';
import { requireBucket } from './state/buckets';
import { deleteUpload, findUpload } from './state/uploads';

export const AbortMultipartUpload = (ctx: Ctx, input: { Bucket: string; Key: string; UploadId: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const upload = findUpload(ctx.store, bucket.id, input.Key, input.UploadId);
  if (!upload) throw noSuchUpload(input.UploadId);
  deleteUpload(ctx.store, upload.id);
  return { [HTTP_STATUS]: 204 };
};
