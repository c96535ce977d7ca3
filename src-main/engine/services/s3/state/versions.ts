/**
 * Versioning. The current version of a key is its s3_objects row; older versions and delete markers
 * are s3_versions rows (newest = highest id). A latest delete marker therefore means: no current row,
 * and the newest s3_versions row is a marker. Rows move between the two tables with their blob links,
 * so no body is copied or released when a version merely becomes noncurrent (or current again).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../../store/store';
import { releaseBlobs } from './blobs';
import { deleteObjectRow, findObject, writeObject, type BlobLink, type NewObject, type ObjectRow } from './objects';

export type VersioningStatus = 'Enabled' | 'Suspended' | null;

export interface VersionRow extends Omit<ObjectRow, 'version_id'> {
  version_id: string;
  delete_marker: number;
  noncurrent_at: number;
}

/** A version found by id: the current row or a noncurrent/marker row. */
export type FoundVersion = { current: true; row: ObjectRow } | { current: false; row: VersionRow };

export const NULL_VERSION = 'null';

/** 32 URL-safe characters, as long as AWS's. */
export const newVersionId = (): string => randomBytes(24).toString('base64url');

/** Our ids and 'null' are the only ones that can exist; anything else is malformed, as S3 says. */
export const isWellFormedVersionId = (v: string): boolean => v === NULL_VERSION || /^[A-Za-z0-9_-]{32}$/.test(v);

export const versionIdOf = (row: ObjectRow): string => row.version_id ?? NULL_VERSION;

export const versioningOf = (store: Store, bucketId: number): VersioningStatus =>
  (store.stmt('SELECT versioning FROM s3_buckets WHERE id = ?').pluck().get(bucketId) as VersioningStatus | undefined) ?? null;

export const setVersioning = (store: Store, bucketId: number, status: 'Enabled' | 'Suspended'): void => {
  store.stmt('UPDATE s3_buckets SET versioning = ? WHERE id = ?').run(status, bucketId);
};

const COLUMNS = 'bucket_id, key, size, etag, last_modified, content_type, storage_class, headers, metadata, parts_count, restore, acl';

export const versionBlobs = (store: Store, versionRow: number): BlobLink[] =>
  store.stmt('SELECT blob_id AS blobId, size FROM s3_version_blobs WHERE version_row = ? ORDER BY seq').all(versionRow) as BlobLink[];

export const newestVersion = (store: Store, bucketId: number, key: string): VersionRow | undefined =>
  store.stmt('SELECT * FROM s3_versions WHERE bucket_id = ? AND key = ? ORDER BY id DESC LIMIT 1').get(bucketId, key) as VersionRow | undefined;

/** The delete marker that hides a key, if its newest version is one. */
export function latestDeleteMarker(store: Store, bucketId: number, key: string): VersionRow | undefined {
  if (findObject(store, bucketId, key)) return undefined;
  const top = newestVersion(store, bucketId, key);
  return top?.delete_marker ? top : undefined;
}

export function findVersion(store: Store, bucketId: number, key: string, versionId: string): FoundVersion | undefined {
  const cur = findObject(store, bucketId, key);
  if (cur && versionIdOf(cur) === versionId) return { current: true, row: cur };
  const row = store.stmt('SELECT * FROM s3_versions WHERE bucket_id = ? AND key = ? AND version_id = ?').get(bucketId, key, versionId) as
    | VersionRow
    | undefined;
  return row ? { current: false, row } : undefined;
}

/** The current row becomes a noncurrent version (its blobs move along). */
function archiveCurrent(store: Store, row: ObjectRow, now: number): void {
  const id = store
    .stmt(
      `INSERT INTO s3_versions (${COLUMNS}, version_id, delete_marker, noncurrent_at)
       SELECT ${COLUMNS}, ?, 0, ? FROM s3_objects WHERE id = ? RETURNING id`,
    )
    .pluck()
    .get(versionIdOf(row), now, row.id) as number;
  store.stmt('INSERT INTO s3_version_blobs (version_row, seq, blob_id, size) SELECT ?, seq, blob_id, size FROM s3_object_blobs WHERE object_id = ?').run(id, row.id);
  store.stmt('DELETE FROM s3_object_blobs WHERE object_id = ?').run(row.id);
  store.stmt('DELETE FROM s3_objects WHERE id = ?').run(row.id);
}

/** Removes one s3_versions row for good, releasing its blobs. */
function dropVersionRow(store: Store, id: number): void {
  const blobs = versionBlobs(store, id).map((b) => b.blobId);
  store.stmt('DELETE FROM s3_version_blobs WHERE version_row = ?').run(id);
  store.stmt('DELETE FROM s3_versions WHERE id = ?').run(id);
  if (blobs.length > 0) releaseBlobs(store, blobs);
}

/** With versioning suspended, a new 'null' version replaces the old one wherever it is. */
function dropNoncurrentNull(store: Store, bucketId: number, key: string): void {
  const id = store.stmt('SELECT id FROM s3_versions WHERE bucket_id = ? AND key = ? AND version_id = ?').pluck().get(bucketId, key, NULL_VERSION) as
    | number
    | undefined;
  if (id !== undefined) dropVersionRow(store, id);
}

function insertDeleteMarker(store: Store, bucketId: number, key: string, versionId: string, now: number): void {
  store
    .stmt(
      `INSERT INTO s3_versions (bucket_id, key, size, etag, last_modified, content_type, storage_class, version_id, delete_marker, noncurrent_at)
       VALUES (?, ?, 0, '', ?, '', '', ?, 1, ?)`,
    )
    .run(bucketId, key, now, versionId, now);
}

/** After the current version or the latest marker went away, the newest remaining object version (not a marker) becomes current. */
function promoteNewest(store: Store, bucketId: number, key: string): void {
  if (findObject(store, bucketId, key)) return;
  const top = newestVersion(store, bucketId, key);
  if (!top || top.delete_marker) return;
  const id = store
    .stmt(`INSERT INTO s3_objects (${COLUMNS}, version_id) SELECT ${COLUMNS}, ? FROM s3_versions WHERE id = ? RETURNING id`)
    .pluck()
    .get(top.version_id === NULL_VERSION ? null : top.version_id, top.id) as number;
  store.stmt('INSERT INTO s3_object_blobs (object_id, seq, blob_id, size) SELECT ?, seq, blob_id, size FROM s3_version_blobs WHERE version_row = ?').run(id, top.id);
  store.stmt('DELETE FROM s3_version_blobs WHERE version_row = ?').run(top.id);
  store.stmt('DELETE FROM s3_versions WHERE id = ?').run(top.id);
}

/**
 * Inside a transaction: writes a new current version as the bucket's versioning state says.
 * Returns the version id to report, or undefined for a bucket that was never versioned.
 */
export function writeVersion(store: Store, o: NewObject, now: number): string | undefined {
  const status = versioningOf(store, o.bucketId);
  if (status === null) {
    writeObject(store, { ...o, versionId: null });
    return undefined;
  }
  const cur = findObject(store, o.bucketId, o.key);
  if (status === 'Enabled') {
    if (cur) archiveCurrent(store, cur, now);
    const vid = newVersionId();
    writeObject(store, { ...o, versionId: vid });
    return vid;
  }
  if (cur && cur.version_id !== null) archiveCurrent(store, cur, now);
  dropNoncurrentNull(store, o.bucketId, o.key);
  writeObject(store, { ...o, versionId: null });
  return NULL_VERSION;
}

export interface DeleteResult {
  DeleteMarker?: boolean;
  VersionId?: string;
}

/** DeleteObject without a version id: removes the object, or hides it behind a new delete marker. */
export function deleteCurrent(store: Store, bucketId: number, key: string, now: number): DeleteResult {
  const status = versioningOf(store, bucketId);
  if (status === null) {
    deleteObjectRow(store, bucketId, key);
    return {};
  }
  const cur = findObject(store, bucketId, key);
  if (status === 'Enabled') {
    if (cur) archiveCurrent(store, cur, now);
    const vid = newVersionId();
    insertDeleteMarker(store, bucketId, key, vid, now);
    return { DeleteMarker: true, VersionId: vid };
  }
  if (cur) {
    if (cur.version_id === null) deleteObjectRow(store, bucketId, key);
    else archiveCurrent(store, cur, now);
  }
  dropNoncurrentNull(store, bucketId, key);
  insertDeleteMarker(store, bucketId, key, NULL_VERSION, now);
  return { DeleteMarker: true, VersionId: NULL_VERSION };
}

/** DeleteObject with a version id: that version goes for good; a missing one is no error. */
export function deleteVersion(store: Store, bucketId: number, key: string, versionId: string): DeleteResult {
  const found = findVersion(store, bucketId, key, versionId);
  if (!found) return { VersionId: versionId };
  if (found.current) deleteObjectRow(store, bucketId, key);
  else dropVersionRow(store, found.row.id);
  promoteNewest(store, bucketId, key);
  return found.current || !found.row.delete_marker ? { VersionId: versionId } : { DeleteMarker: true, VersionId: versionId };
}

/** Whether any noncurrent version or delete marker is left (DeleteBucket refuses then). */
export const hasVersions = (store: Store, bucketId: number): boolean =>
  store.stmt('SELECT 1 FROM s3_versions WHERE bucket_id = ? LIMIT 1').get(bucketId) !== undefined;

/** One entry of ListObjectVersions' raw feed: every version of every key, keys in order, newest first. */
export interface VersionEntry extends Omit<VersionRow, 'noncurrent_at'> {
  is_latest: number;
}

/** Keys from `from` on; the current row first, then noncurrent rows newest first. */
export const iterateVersions = (store: Store, bucketId: number, from: string): IterableIterator<VersionEntry> =>
  store
    .stmt(
      `SELECT * FROM (
         SELECT id, ${COLUMNS}, COALESCE(version_id, '${NULL_VERSION}') AS version_id, 0 AS delete_marker, 1 AS is_latest, 0 AS rank, 0 AS ord
           FROM s3_objects WHERE bucket_id = ? AND key >= ?
         UNION ALL
         SELECT id, ${COLUMNS}, version_id, delete_marker,
                (id = (SELECT max(id) FROM s3_versions n WHERE n.bucket_id = v.bucket_id AND n.key = v.key)
                 AND NOT EXISTS (SELECT 1 FROM s3_objects o WHERE o.bucket_id = v.bucket_id AND o.key = v.key)) AS is_latest,
                1 AS rank, id AS ord
           FROM s3_versions v WHERE bucket_id = ? AND key >= ?
       ) ORDER BY key, rank, ord DESC`,
    )
    .iterate(bucketId, from, bucketId, from) as IterableIterator<VersionEntry>;

/** Noncurrent versions of a bucket (lifecycle's noncurrent rules). */
export const noncurrentVersions = (store: Store, bucketId: number): VersionRow[] =>
  store.stmt('SELECT * FROM s3_versions WHERE bucket_id = ? ORDER BY key, id DESC').all(bucketId) as VersionRow[];

export { dropVersionRow, promoteNewest };
