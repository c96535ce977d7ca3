import type { Ctx } from '../../core/provider';
import { invalidContinuationToken } from './errors';
import { ownerOf } from './owner';
import { listAccountBuckets, partitionOf } from './state/buckets';

interface ListBucketsInput {
  MaxBuckets?: number;
  ContinuationToken?: string;
  Prefix?: string;
  BucketRegion?: string;
}

const TOKEN_TAG = 'b1:';
const encodeToken = (name: string) => Buffer.from(TOKEN_TAG + name).toString('base64');
function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith(TOKEN_TAG)) throw invalidContinuationToken(token);
  return text.slice(TOKEN_TAG.length);
}

/** Global: every bucket of the account, whichever region it lives in and the request was sent to. */
export const ListBuckets = (ctx: Ctx, input: ListBucketsInput) => {
  const after = input.ContinuationToken !== undefined ? decodeToken(input.ContinuationToken) : '';
  const max = input.MaxBuckets ?? 10000;
  const prefix = input.Prefix ?? '';
  const rows = listAccountBuckets(ctx.store, ctx.accountId, partitionOf(ctx.region), after, Number.MAX_SAFE_INTEGER).filter(
    (b) => b.name.startsWith(prefix) && (input.BucketRegion === undefined || b.region === input.BucketRegion),
  );
  const page = rows.slice(0, max);
  const out: Record<string, unknown> = {
    Buckets: page.map((b) => ({ Name: b.name, CreationDate: new Date(b.created_at), BucketRegion: b.region })),
    Owner: ownerOf(ctx.accountId),
  };
  if (input.Prefix !== undefined) out.Prefix = input.Prefix;
  if (rows.length > max) out.ContinuationToken = encodeToken(page[page.length - 1]!.name);
  return out;
};
