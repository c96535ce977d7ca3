/**
 * The pieces of a SigV4 signature: canonical request, string to sign, and the derived signing key
 * (cached, since every request of a session derives the same one).
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper hex). */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes one query component; `undefined` when the escapes are broken. '+' stays a literal plus. */
export function decodeComponent(value: string): string | undefined {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export type QueryPairs = Array<[string, string]>;

/** Splits a raw query string into decoded pairs, in order. Undecodable escapes are kept raw. */
export function parseQuery(rawQuery: string): QueryPairs {
  const pairs: QueryPairs = [];
  if (!rawQuery) return pairs;
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decodeComponent(k) ?? k, decodeComponent(v) ?? v]);
  }
  return pairs;
}

/** Canonical query: every pair re-encoded, sorted by key then value; the signature itself left out. */
export function canonicalQuery(pairs: QueryPairs): string {
  const encoded: Array<[string, string]> = [];
  for (const [k, v] of pairs) {
    if (k.toLowerCase() === 'x-amz-signature') continue;
    encoded.push([uriEscape(k), uriEscape(v)]);
  }
  encoded.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return encoded.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * Canonical URI. S3 signs the path exactly as sent (encoded once, never normalized). Every other
 * service removes empty, '.' and '..' segments and then encodes the already-encoded path again.
 */
export function canonicalPath(rawPath: string, s3: boolean, normalize = true): string {
  const path = rawPath || '/';
  if (s3) return path;
  if (!normalize) return uriEscape(path).replace(/%2F/g, '/');
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`;
  return uriEscape(normalized).replace(/%2F/g, '/');
}

/** Header value as signed: CR/LF become spaces, runs of blanks collapse, ends trimmed. */
export function canonicalHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function canonicalRequest(parts: {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}): string {
  let headerBlock = '';
  for (const name of parts.signedHeaders) headerBlock += `${name}:${canonicalHeaderValue(parts.headers[name] ?? '')}\n`;
  return `${parts.method}\n${parts.path}\n${parts.query}\n${headerBlock}\n${parts.signedHeaders.join(';')}\n${parts.payloadHash}`;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const hmacHex = (key: Buffer, data: string): string =>
  createHmac('sha256', key).update(data, 'utf8').digest('hex');

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}

const KEY_CACHE_LIMIT = 256;
const keyCache = new Map<string, Buffer>();

/** kSigning = HMAC chain over date, region, service, "aws4_request"; cached per (secret, scope). */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\0${date}\0${region}\0${service}`;
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  let key = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  key = createHmac('sha256', key).update(region).digest();
  key = createHmac('sha256', key).update(service).digest();
  key = createHmac('sha256', key).update('aws4_request').digest();
  // A crude bound: lab sessions use a handful of keys, so dropping everything on overflow is fine.
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(cacheKey, key);
  return key;
}
