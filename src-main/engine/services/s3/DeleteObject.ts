import type { Ctx } from '../../core/provider';
import { HTTP_STATUS } from '../../protocol/types';
import { requireBucket } from './state/buckets';
import { deleteObjectRow } from './state/objects';

/** Idempotent: deleting a missing key is a 204 too. */
export const DeleteObject = (ctx: Ctx, input: { Bucket: string; Key: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  deleteObjectRow(ctx.store, bucket.id, input.Key);
  return { [HTTP_STATUS]: 204 };
};
