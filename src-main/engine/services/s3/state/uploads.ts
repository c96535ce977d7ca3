/** Multipart uploads and their parts; each part is a blob until Complete links them to an object. */
import type { Store } from '../../../store/store';
import { releaseBlobs } from './blobs';
import { headersJson, metadataJson, type ObjectAttrs } from './objects';

export interface UploadRow {
  id: number;
  upload_id: string;
  bucket_id: number;
  key: string;
  initiated: number;
  initiator_id: string;
  initiator_name: string;
  content_type: string;
  storage_class: string;
  headers: string | null;
  metadata: string | null;
}

export interface PartRow {
  upload_id: number;
  part_number: number;
  blob_id: number;
  size: number;
  etag: string;
  last_modified: number;
}

export function insertUpload(
  store: Store,
  u: { uploadId: string; bucketId: number; key: string; initiated: number; initiatorId: string; initiatorName: string; attrs: ObjectAttrs },
): void {
  store
    .stmt(
      `INSERT INTO s3_uploads (upload_id, bucket_id, key, initiated, initiator_id, initiator_name, content_type, storage_class, headers, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      u.uploadId,
      u.bucketId,
      u.key,
      u.initiated,
      u.initiatorId,
      u.initiatorName,
      u.attrs.contentType,
      u.attrs.storageClass,
      headersJson(u.attrs.headers),
      metadataJson(u.attrs.metadata),
    );
}

/** The upload, only if it belongs to this bucket and key (S3 answers NoSuchUpload otherwise). */
export const findUpload = (store: Store, bucketId: number, key: string, uploadId: string): UploadRow | undefined =>
  store.stmt('SELECT * FROM s3_uploads WHERE upload_id = ? AND bucket_id = ? AND key = ?').get(uploadId, bucketId, key) as
    | UploadRow
    | undefined;

export const listParts = (store: Store, uploadRowId: number, afterPart: number, limit: number): PartRow[] =>
  store
    .stmt('SELECT * FROM s3_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?')
    .all(uploadRowId, afterPart, limit) as PartRow[];

export const allParts = (store: Store, uploadRowId: number): PartRow[] =>
  store.stmt('SELECT * FROM s3_parts WHERE upload_id = ? ORDER BY part_number').all(uploadRowId) as PartRow[];

/** Inside a transaction: sets (or replaces) a part; a replaced part's blob is released. */
export function writePart(store: Store, p: PartRow): void {
  const old = store.stmt('SELECT blob_id FROM s3_parts WHERE upload_id = ? AND part_number = ?').pluck().get(p.upload_id, p.part_number) as
    | number
    | undefined;
  store
    .stmt(
      `INSERT INTO s3_parts (upload_id, part_number, blob_id, size, etag, last_modified) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (upload_id, part_number) DO UPDATE SET blob_id = excluded.blob_id, size = excluded.size,
         etag = excluded.etag, last_modified = excluded.last_modified`,
    )
    .run(p.upload_id, p.part_number, p.blob_id, p.size, p.etag, p.last_modified);
  if (old !== undefined) releaseBlobs(store, [old]);
}

/**
 * Inside a transaction: forgets the upload and its parts. Blobs still linked elsewhere (an object
 * that Complete just built from them) survive; the rest are deleted.
 */
export function deleteUpload(store: Store, uploadRowId: number): void {
  const blobs = store.stmt('SELECT blob_id FROM s3_parts WHERE upload_id = ?').pluck().all(uploadRowId) as number[];
  store.stmt('DELETE FROM s3_parts WHERE upload_id = ?').run(uploadRowId);
  store.stmt('DELETE FROM s3_uploads WHERE id = ?').run(uploadRowId);
  releaseBlobs(store, blobs);
}

export const uploadIdsOfBucket = (store: Store, bucketId: number): number[] =>
  store.stmt('SELECT id FROM s3_uploads WHERE bucket_id = ?').pluck().all(bucketId) as number[];

/** Uploads in (key, initiation) order after the (key, upload id) marker, from `from` on. */
export const iterateUploads = (store: Store, bucketId: number, afterKey: string, from: string): IterableIterator<UploadRow> =>
  store
    .stmt('SELECT * FROM s3_uploads WHERE bucket_id = ? AND key >= ? AND key >= ? ORDER BY key, id')
    .iterate(bucketId, afterKey, from) as IterableIterator<UploadRow>;
