import type { Ctx } from '../../core/provider';
import { noSuchKey } from './errors';
import { planRead, type ReadInput } from './object-output';
import { CHUNK_SIZE, readSegments, readSmall } from './state/blobs';
import { requireBucket } from './state/buckets';
import { findObject, objectBlobs, segmentsFor } from './state/objects';

/**
 * Runs in the dispatcher's transaction, so the blob list it takes is consistent. Bodies up to one
 * chunk come back as a Buffer; larger ones as an async generator that pins its blobs (see
 * state/blobs.ts) and keeps reading them even if the key is overwritten or deleted meanwhile.
 */
export const GetObject = (ctx: Ctx, input: ReadInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const row = findObject(ctx.store, bucket.id, input.Key);
  if (!row) throw noSuchKey(input.Key);
  const { output, range } = planRead(row, input);
  const segments = segmentsFor(objectBlobs(ctx.store, row.id), range.start, range.end);
  output.Body = range.end - range.start <= CHUNK_SIZE ? readSmall(ctx.store, segments) : readSegments(ctx.store, segments);
  return output;
};
