/** Conditional requests (If-Match & co.) in the order RFC 9110 and S3 evaluate them. */
import { notModified, preconditionFailed } from './errors';

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: unknown;
  ifUnmodifiedSince?: unknown;
}

const toMillis = (v: unknown): number | undefined => {
  if (v === undefined || v === null) return undefined;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(String(v));
  return Number.isNaN(t) ? undefined : t;
};

/** `"abc"`, `abc`, `W/"abc"`, `*`, or a comma-separated list of them. */
function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^"|"$/g, '');
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === '*' || tag === bare;
  });
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * GET/HEAD: a failed If-Match / If-Unmodified-Since is 412, a matching If-None-Match or an
 * unchanged If-Modified-Since is 304. With `copySource`, every failure is 412 (CopyObject's
 * x-amz-copy-source-if-* headers).
 */
export function checkConditions(c: Conditions, etag: string, lastModified: number, copySource = false): void {
  const prefix = copySource ? 'x-amz-copy-source-' : '';
  const unmodifiedSince = toMillis(c.ifUnmodifiedSince);
  const modifiedSince = toMillis(c.ifModifiedSince);
  if (c.ifMatch !== undefined) {
    if (!etagMatches(c.ifMatch, etag)) throw preconditionFailed(`${prefix}If-Match`);
  } else if (unmodifiedSince !== undefined && seconds(lastModified) > seconds(unmodifiedSince)) {
    throw preconditionFailed(`${prefix}If-Unmodified-Since`);
  }
  const fail = (condition: string) => (copySource ? preconditionFailed(`${prefix}${condition}`) : notModified());
  if (c.ifNoneMatch !== undefined) {
    if (etagMatches(c.ifNoneMatch, etag)) throw fail('If-None-Match');
  } else if (modifiedSince !== undefined && seconds(lastModified) <= seconds(modifiedSince)) {
    throw fail('If-Modified-Since');
  }
}
