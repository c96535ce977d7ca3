import type { Ctx } from '../../core/provider';
import { noSuchKey } from './errors';
import { planRead, type ReadInput } from './object-output';
import { requireBucket } from './state/buckets';
import { findObject } from './state/objects';

/** GetObject without the body; errors travel as bare statuses (no body on HEAD). */
export const HeadObject = (ctx: Ctx, input: ReadInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const row = findObject(ctx.store, bucket.id, input.Key);
  if (!row) throw noSuchKey(input.Key);
  return planRead(row, input).output;
};
