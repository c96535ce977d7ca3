/**
 * The listing walk shared by ListObjects, ListObjectsV2 and ListMultipartUploads: keys in order,
 * grouped into CommonPrefixes by the delimiter, cut at MaxKeys (a common prefix counts as one entry).
 */
import { invalidLimit } from './errors';

export interface ListOptions {
  prefix: string;
  delimiter?: string;
  /** Entries at or before this key (or common prefix) are skipped. */
  after: string;
  /** Common prefixes at or before this are skipped (default: `after`). */
  afterPrefix?: string;
  maxKeys: number;
}

export interface ListPage<T> {
  items: T[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned (NextMarker). */
  last?: string;
}

export const DEFAULT_MAX_KEYS = 1000;

/**
 * `rows` is a thunk: an SQLite iterator holds the connection busy from the moment it is made until
 * it is finished or closed, so it is made only when the page wants rows (MaxKeys=0 wants none) and
 * the for-of below closes it on every exit.
 */
export function walkListing<T>(rows: () => Iterable<T>, keyOf: (row: T) => string, o: ListOptions): ListPage<T> {
  const page: ListPage<T> = { items: [], prefixes: [], truncated: false };
  if (o.maxKeys <= 0) return page;
  let count = 0;
  let lastPrefix: string | undefined;
  const afterPrefix = o.afterPrefix ?? o.after;
  for (const row of rows()) {
    const key = keyOf(row);
    if (!key.startsWith(o.prefix)) break; // rows come in key order from `prefix` on
    let commonPrefix: string | undefined;
    if (o.delimiter) {
      const at = key.indexOf(o.delimiter, o.prefix.length);
      if (at >= 0) commonPrefix = key.slice(0, at + o.delimiter.length);
    }
    if (commonPrefix !== undefined) {
      if (commonPrefix === lastPrefix || commonPrefix <= afterPrefix) continue;
    } else if (key <= o.after) continue;
    if (count === o.maxKeys) {
      page.truncated = true;
      break;
    }
    count++;
    if (commonPrefix !== undefined) {
      lastPrefix = commonPrefix;
      page.prefixes.push(commonPrefix);
      page.last = commonPrefix;
    } else {
      page.items.push(row);
      page.last = key;
    }
  }
  return page;
}

/** MaxKeys as S3 reads it: default 1000, never more than 1000; a negative one is refused. */
export function clampMaxKeys(n: number | undefined, argument = 'maxKeys'): number {
  if (n === undefined) return DEFAULT_MAX_KEYS;
  if (n < 0) throw invalidLimit(argument, n);
  return Math.min(n, DEFAULT_MAX_KEYS);
}

/** EncodingType=url: S3 percent-encodes keys like a form, keeping '/' readable. */
export const urlEncodeKey = (s: string): string =>
  encodeURIComponent(s)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const encoderFor = (encodingType: string | undefined): ((s: string) => string) =>
  encodingType === 'url' ? urlEncodeKey : (s) => s;

/** One `Contents` entry of ListObjects / ListObjectsV2 (V2 names the owner only with FetchOwner). */
export const contentsEntry = (
  o: { key: string; last_modified: number; etag: string; size: number; storage_class: string },
  enc: (s: string) => string,
  owner: unknown,
): Record<string, unknown> => ({
  Key: enc(o.key),
  LastModified: new Date(o.last_modified),
  ETag: o.etag,
  Size: o.size,
  StorageClass: o.storage_class,
  ...(owner ? { Owner: owner } : {}),
});
