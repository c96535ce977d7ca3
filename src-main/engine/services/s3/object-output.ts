/** The members GetObject and HeadObject return about an object (everything but the body). */
import { parseRange, type ByteRange } from './ranges';
import { checkConditions } from './preconditions';
import { HTTP_STATUS } from '../../protocol/types';
import { attrsOf, type ObjectRow } from './state/objects';

export interface ReadInput {
  Bucket: string;
  Key: string;
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
  Range?: string;
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: Date;
}

export interface ReadPlan {
  output: Record<string | symbol, unknown>;
  range: ByteRange;
}

/** Checks conditions and the range, then builds the header members and the byte range to send. */
export function planRead(row: ObjectRow, input: ReadInput): ReadPlan {
  checkConditions(
    { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch, ifModifiedSince: input.IfModifiedSince, ifUnmodifiedSince: input.IfUnmodifiedSince },
    row.etag,
    row.last_modified,
  );
  const attrs = attrsOf(row);
  const h = attrs.headers;
  const partial = parseRange(input.Range, row.size);
  const range = partial ?? { start: 0, end: row.size };
  const output: Record<string | symbol, unknown> = {
    AcceptRanges: 'bytes',
    LastModified: new Date(row.last_modified),
    ContentLength: range.end - range.start,
    ETag: row.etag,
    ContentType: input.ResponseContentType ?? attrs.contentType,
    Metadata: attrs.metadata,
  };
  const cacheControl = input.ResponseCacheControl ?? h.CacheControl;
  const disposition = input.ResponseContentDisposition ?? h.ContentDisposition;
  const encoding = input.ResponseContentEncoding ?? h.ContentEncoding;
  const language = input.ResponseContentLanguage ?? h.ContentLanguage;
  const expires = input.ResponseExpires ?? (h.Expires !== undefined ? new Date(h.Expires) : undefined);
  if (cacheControl !== undefined) output.CacheControl = cacheControl;
  if (disposition !== undefined) output.ContentDisposition = disposition;
  if (encoding !== undefined) output.ContentEncoding = encoding;
  if (language !== undefined) output.ContentLanguage = language;
  if (expires !== undefined) output.Expires = expires;
  if (h.WebsiteRedirectLocation !== undefined) output.WebsiteRedirectLocation = h.WebsiteRedirectLocation;
  // S3 sends x-amz-storage-class only for classes other than STANDARD.
  if (row.storage_class !== 'STANDARD') output.StorageClass = row.storage_class;
  if (partial) {
    output.ContentRange = `bytes ${partial.start}-${partial.end - 1}/${row.size}`;
    output[HTTP_STATUS] = 206;
  }
  return { output, range };
}
