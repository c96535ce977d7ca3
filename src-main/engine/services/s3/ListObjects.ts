import type { Ctx } from '../../core/provider';
import { clampMaxKeys, contentsEntry, encoderFor, walkListing } from './listing';
import { ownerOf } from './owner';
import { requireBucket } from './state/buckets';
import { iterateObjects, type ObjectRow } from './state/objects';

interface ListObjectsInput {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: string;
  Marker?: string;
  MaxKeys?: number;
  Prefix?: string;
}

export const ListObjects = (ctx: Ctx, input: ListObjectsInput) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const prefix = input.Prefix ?? '';
  const maxKeys = clampMaxKeys(input.MaxKeys);
  const page = walkListing<ObjectRow>(() => iterateObjects(ctx.store, bucket.id, input.Marker ?? '', prefix), (r) => r.key, {
    prefix,
    delimiter: input.Delimiter,
    after: input.Marker ?? '',
    maxKeys,
  });
  const enc = encoderFor(input.EncodingType);
  const owner = ownerOf(bucket.account_id);
  const out: Record<string, unknown> = {
    IsTruncated: page.truncated,
    Marker: enc(input.Marker ?? ''),
    Contents: page.items.length === 0 ? undefined : page.items.map((o) => contentsEntry(o, enc, owner)),
    Name: input.Bucket,
    Prefix: enc(prefix),
    MaxKeys: maxKeys,
  };
  if (input.Delimiter !== undefined) out.Delimiter = enc(input.Delimiter);
  // S3 sends NextMarker only with a delimiter; without one, clients continue from the last key.
  if (page.truncated && input.Delimiter !== undefined && page.last !== undefined) out.NextMarker = enc(page.last);
  if (page.prefixes.length > 0) out.CommonPrefixes = page.prefixes.map((p) => ({ Prefix: enc(p) }));
  if (input.EncodingType !== undefined) out.EncodingType = input.EncodingType;
  return out;
};
