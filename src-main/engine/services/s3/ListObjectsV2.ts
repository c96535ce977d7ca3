import type { Ctx } from '../../core/provider';
import { invalidContinuationToken } from './errors';
import { clampMaxKeys, contentsEntry, encoderFor, walkListing } from './listing';
import { ownerOf } from './owner';
import { requireBucket } from './state/buckets';
import { iterateObjects, type ObjectRow } from './state/objects';

interface ListObjectsV2Input {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: string;
  MaxKeys?: number;
  Prefix?: string;
  ContinuationToken?: string;
  FetchOwner?: boolean;
  StartAfter?: string;
}

// Opaque to clients; inside, the last key or common prefix already returned.
const TOKEN_TAG = 'v2:';
const encodeToken = (last: string) => Buffer.from(TOKEN_TAG + last, 'utf8').toString('base64');
function decodeToken(token: string): string {
  const text = /^[A-Za-z0-9+/]*={0,2}$/.test(token) ? Buffer.from(token, 'base64').toString('utf8') : '';
  if (!text.startsWith(TOKEN_TAG)) throw invalidContinuationToken(token);
  return text.slice(TOKEN_TAG.length);
}

export const ListObjectsV2 = (ctx: Ctx, input: ListObjectsV2Input) => {
  const bucket = requireBucket(ctx, input.Bucket);
  const prefix = input.Prefix ?? '';
  const maxKeys = clampMaxKeys(input.MaxKeys);
  const after = input.ContinuationToken !== undefined ? decodeToken(input.ContinuationToken) : (input.StartAfter ?? '');
  const page = walkListing<ObjectRow>(() => iterateObjects(ctx.store, bucket.id, after, prefix), (r) => r.key, {
    prefix,
    delimiter: input.Delimiter,
    after,
    maxKeys,
  });
  const enc = encoderFor(input.EncodingType);
  const owner = input.FetchOwner ? ownerOf(bucket.account_id) : undefined;
  const out: Record<string, unknown> = {
    IsTruncated: page.truncated,
    Contents: page.items.length === 0 ? undefined : page.items.map((o) => contentsEntry(o, enc, owner)),
    Name: input.Bucket,
    Prefix: enc(prefix),
    MaxKeys: maxKeys,
    KeyCount: page.items.length + page.prefixes.length,
  };
  if (input.Delimiter !== undefined) out.Delimiter = enc(input.Delimiter);
  if (page.prefixes.length > 0) out.CommonPrefixes = page.prefixes.map((p) => ({ Prefix: enc(p) }));
  if (input.EncodingType !== undefined) out.EncodingType = input.EncodingType;
  if (input.ContinuationToken !== undefined) out.ContinuationToken = input.ContinuationToken;
  if (input.StartAfter !== undefined) out.StartAfter = enc(input.StartAfter);
  if (page.truncated && page.last !== undefined) out.NextContinuationToken = encodeToken(page.last);
  return out;
};
