import type { Ctx } from '../../core/provider';
import { planRead, type ReadInput } from './object-output';
import { readTarget } from './read-target';
import { CHUNK_SIZE, readSegments, readSmall } from './state/blobs';
import { requireBucket } from './state/buckets';
import { segmentsFor } from './state/objects';

/**
 * Runs in the dispatcher's transaction, so the blob list it takes is consistent. Bodies up to one
 * chunk come back as a Buffer; larger ones as an async generator that pins its blobs (see
 * state/blobs.ts) and keeps reading them even if the key is overwritten or deleted meanwhile.
 */
export const GetObject = (ctx: Ctx, input: ReadInput & { VersionId?: string }) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const target = readTarget(ctx, bucket, input.Key, input.VersionId, 'GET', true);
  const { output, range } = planRead(target.row, input);
  Object.assign(output, target.extra);
  const segments = segmentsFor(target.blobs(), range.start, range.end);
  output.Body = range.end - range.start <= CHUNK_SIZE ? readSmall(ctx.store, segments) : readSegments(ctx.store, segments);
  return output;
};
