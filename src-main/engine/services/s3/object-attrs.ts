/**
 * What PutObject, CreateMultipartUpload and CopyObject (REPLACE) store with an object: content
 * headers, storage class and user metadata, checked the way S3 checks them.
 */
import { invalidStorageClass, keyTooLongError, MAX_KEY_BYTES, MAX_METADATA_BYTES, metadataTooLarge } from './errors';
import type { ContentHeaders, ObjectAttrs } from './state/objects';

export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

export const STORAGE_CLASSES = new Set([
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
  'EXPRESS_ONEZONE',
]);

export interface AttrsInput {
  ContentType?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: Date | string | number;
  WebsiteRedirectLocation?: string;
  StorageClass?: string;
  Metadata?: Record<string, string>;
}

export function checkKey(key: string): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES) throw keyTooLongError(bytes);
}

export function checkStorageClass(storageClass: string | undefined): string {
  const sc = storageClass ?? 'STANDARD';
  if (!STORAGE_CLASSES.has(sc)) throw invalidStorageClass(sc);
  return sc;
}

function expiresMillis(v: AttrsInput['Expires']): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

export function attrsFromInput(input: AttrsInput): ObjectAttrs {
  const headers: ContentHeaders = {};
  if (input.CacheControl !== undefined) headers.CacheControl = input.CacheControl;
  if (input.ContentDisposition !== undefined) headers.ContentDisposition = input.ContentDisposition;
  if (input.ContentEncoding !== undefined) headers.ContentEncoding = input.ContentEncoding;
  if (input.ContentLanguage !== undefined) headers.ContentLanguage = input.ContentLanguage;
  if (input.WebsiteRedirectLocation !== undefined) headers.WebsiteRedirectLocation = input.WebsiteRedirectLocation;
  const expires = expiresMillis(input.Expires);
  if (expires !== undefined) headers.Expires = expires;
  const metadata: Record<string, string> = Object.create(null);
  let metaBytes = 0;
  for (const [k, v] of Object.entries(input.Metadata ?? {})) {
    const key = k.toLowerCase();
    metadata[key] = String(v);
    metaBytes += Buffer.byteLength(key) + Buffer.byteLength(String(v));
  }
  if (metaBytes > MAX_METADATA_BYTES) throw metadataTooLarge(metaBytes);
  return {
    contentType: input.ContentType || DEFAULT_CONTENT_TYPE,
    storageClass: checkStorageClass(input.StorageClass),
    headers,
    metadata,
  };
}
