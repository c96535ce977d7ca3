import type { Ctx } from '../../core/provider';
import { MAX_KEY_BYTES, malformedXML } from './errors';
import { requireBucket } from './state/buckets';
import { deleteObjectRow } from './state/objects';

interface DeleteObjectsInput {
  Bucket: string;
  Delete?: { Objects?: { Key: string; VersionId?: string }[]; Quiet?: boolean };
}

const MAX_BATCH = 1000;

/** Each key succeeds or fails on its own; Quiet reports only the failures. */
export const DeleteObjects = (ctx: Ctx, input: DeleteObjectsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const objects = input.Delete?.Objects;
  if (!Array.isArray(objects) || objects.length === 0 || objects.length > MAX_BATCH) throw malformedXML();
  const deleted: { Key: string }[] = [];
  const errors: { Key: string; Code: string; Message: string }[] = [];
  for (const { Key } of objects) {
    if (typeof Key !== 'string' || Buffer.byteLength(Key) > MAX_KEY_BYTES) {
      errors.push({ Key: String(Key), Code: 'KeyTooLongError', Message: 'Your key is too long' });
      continue;
    }
    deleteObjectRow(ctx.store, bucket.id, Key);
    deleted.push({ Key });
  }
  const out: Record<string, unknown> = {};
  if (!input.Delete?.Quiet && deleted.length > 0) out.Deleted = deleted;
  if (errors.length > 0) out.Errors = errors;
  return out;
};
