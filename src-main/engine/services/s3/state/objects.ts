/**
 * Objects: one row per key for the current version, plus the ordered blobs that make its body.
 * Noncurrent versions and delete markers live in state/versions.ts.
 */
import type { Store } from '../../../store/store';
import { releaseBlobs, type BlobSegment } from './blobs';

/** Content headers S3 stores with an object and returns on GET/HEAD. Expires is epoch ms. */
export interface ContentHeaders {
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: number;
  WebsiteRedirectLocation?: string;
}

export interface ObjectAttrs {
  contentType: string;
  storageClass: string;
  headers: ContentHeaders;
  metadata: Record<string, string>;
}

export interface ObjectRow {
  id: number;
  bucket_id: number;
  key: string;
  size: number;
  etag: string;
  last_modified: number;
  content_type: string;
  storage_class: string;
  headers: string | null;
  metadata: string | null;
  parts_count: number | null;
  /** NULL is S3's 'null' version (written while versioning was never enabled, or suspended). */
  version_id: string | null;
  /** JSON of a RestoreState (state/restores.ts), or NULL. */
  restore: string | null;
  /** JSON grants (state/acls.ts), or NULL for the owner alone. */
  acl: string | null;
}

export interface BlobLink {
  blobId: number;
  size: number;
}

export const findObject = (store: Store, bucketId: number, key: string): ObjectRow | undefined =>
  store.stmt('SELECT * FROM s3_objects WHERE bucket_id = ? AND key = ?').get(bucketId, key) as ObjectRow | undefined;

export const objectBlobs = (store: Store, objectId: number): BlobLink[] =>
  store.stmt('SELECT blob_id AS blobId, size FROM s3_object_blobs WHERE object_id = ? ORDER BY seq').all(objectId) as BlobLink[];

export const hasObjects = (store: Store, bucketId: number): boolean =>
  store.stmt('SELECT 1 FROM s3_objects WHERE bucket_id = ? LIMIT 1').get(bucketId) !== undefined;

/** Null-prototype, as every user-keyed record (STYLE §4). */
export function parseMetadata(json: string | null): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (json) Object.assign(out, JSON.parse(json) as Record<string, string>);
  return out;
}

export const parseHeaders = (json: string | null): ContentHeaders => (json ? (JSON.parse(json) as ContentHeaders) : {});

export const attrsOf = (row: { content_type: string; storage_class: string; headers: string | null; metadata: string | null }): ObjectAttrs => ({
  contentType: row.content_type,
  storageClass: row.storage_class,
  headers: parseHeaders(row.headers),
  metadata: parseMetadata(row.metadata),
});

export const headersJson = (h: ContentHeaders): string | null => (Object.keys(h).length === 0 ? null : JSON.stringify(h));
export const metadataJson = (m: Record<string, string>): string | null => (Object.keys(m).length === 0 ? null : JSON.stringify({ ...m }));

export interface NewObject {
  bucketId: number;
  key: string;
  size: number;
  etag: string;
  lastModified: number;
  attrs: ObjectAttrs;
  partsCount: number | null;
  blobs: BlobLink[];
  /** undefined/null: the 'null' version. */
  versionId?: string | null;
  /** JSON grants; undefined/null: the owner alone. */
  acl?: string | null;
}

/**
 * Inside a transaction: creates or replaces the object at (bucket, key) and links its blobs; the
 * previous version's blobs are released (deleted unless shared or being read).
 */
export function writeObject(store: Store, o: NewObject): void {
  const old = findObject(store, o.bucketId, o.key);
  const oldBlobs = old ? objectBlobs(store, old.id).map((b) => b.blobId) : [];
  const id = store
    .stmt(
      `INSERT INTO s3_objects (bucket_id, key, size, etag, last_modified, content_type, storage_class, headers, metadata, parts_count, version_id, restore, acl)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (bucket_id, key) DO UPDATE SET size = excluded.size, etag = excluded.etag,
         last_modified = excluded.last_modified, content_type = excluded.content_type,
         storage_class = excluded.storage_class, headers = excluded.headers, metadata = excluded.metadata,
         parts_count = excluded.parts_count, version_id = excluded.version_id, restore = NULL, acl = excluded.acl
       RETURNING id`,
    )
    .pluck()
    .get(
      o.bucketId,
      o.key,
      o.size,
      o.etag,
      o.lastModified,
      o.attrs.contentType,
      o.attrs.storageClass,
      headersJson(o.attrs.headers),
      metadataJson(o.attrs.metadata),
      o.partsCount,
      o.versionId ?? null,
      o.acl ?? null,
    ) as number;
  if (old) store.stmt('DELETE FROM s3_object_blobs WHERE object_id = ?').run(id);
  const link = store.stmt('INSERT INTO s3_object_blobs (object_id, seq, blob_id, size) VALUES (?, ?, ?, ?)');
  o.blobs.forEach((b, seq) => link.run(id, seq, b.blobId, b.size));
  if (oldBlobs.length > 0) releaseBlobs(store, oldBlobs);
}

/** Inside a transaction: removes the object (if any) and releases its blobs. */
export function deleteObjectRow(store: Store, bucketId: number, key: string): boolean {
  const old = findObject(store, bucketId, key);
  if (!old) return false;
  const blobs = objectBlobs(store, old.id).map((b) => b.blobId);
  store.stmt('DELETE FROM s3_object_blobs WHERE object_id = ?').run(old.id);
  store.stmt('DELETE FROM s3_objects WHERE id = ?').run(old.id);
  releaseBlobs(store, blobs);
  return true;
}

/** The blob segments covering bytes [start, end) of an object made of `blobs`. */
export function segmentsFor(blobs: BlobLink[], start: number, end: number): BlobSegment[] {
  const out: BlobSegment[] = [];
  let base = 0;
  for (const b of blobs) {
    const from = Math.max(start, base);
    const to = Math.min(end, base + b.size);
    if (to > from) out.push({ blobId: b.blobId, start: from - base, end: to - base });
    base += b.size;
  }
  return out;
}

/** Keys in binary (UTF-8) order after `after`, from `from` on: the raw feed for listings. */
export const iterateObjects = (store: Store, bucketId: number, after: string, from: string): IterableIterator<ObjectRow> =>
  store
    .stmt('SELECT * FROM s3_objects WHERE bucket_id = ? AND key > ? AND key >= ? ORDER BY key')
    .iterate(bucketId, after, from) as IterableIterator<ObjectRow>;
