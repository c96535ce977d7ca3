/**
 * One bucket as its console page shows it: the objects and folders under a prefix (ListObjectsV2 with
 * a "/" delimiter), uploads with per-file progress (PutObject, or a multipart upload for big files so
 * progress moves part by part), downloads (GetObject), deletes (DeleteObjects), and its properties.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ContractRequestError } from '../contract-client';
import { useAws } from '../composables/useAws';
import { base64ToBytes, bytesToBase64 } from '../composables/useDownload';
import { list, text, type Row } from '../aws/json';

export interface S3Entry {
  key: string;
  /** The part after the current prefix: "photo.png" or "images/". */
  name: string;
  folder: boolean;
  size?: number;
  lastModified?: string;
  storageClass?: string;
  etag?: string;
}

export interface Upload {
  name: string;
  size: number;
  /** 0..100 */
  percent: number;
  status: 'waiting' | 'uploading' | 'succeeded' | 'failed';
  error?: string;
}

/** Parts of 5 MiB, S3's minimum part size: files above one part upload part by part. */
export const PART_SIZE = 5 * 1024 * 1024;

export function toEntries(output: Row, prefix: string): S3Entry[] {
  const folders = list(output, 'CommonPrefixes').map((p) => {
    const key = text(p, 'Prefix');
    return { key, name: key.slice(prefix.length), folder: true };
  });
  const files = list(output, 'Contents')
    .filter((o) => text(o, 'Key') !== prefix) // the folder's own marker object
    .map((o) => ({
      key: text(o, 'Key'),
      name: text(o, 'Key').slice(prefix.length),
      folder: false,
      size: Number(text(o, 'Size')) || 0,
      lastModified: text(o, 'LastModified'),
      storageClass: text(o, 'StorageClass') || 'STANDARD',
      etag: text(o, 'ETag'),
    }));
  return [...folders, ...files];
}

export const useS3ObjectsStore = defineStore('s3-objects', () => {
  const { call, attempt } = useAws();
  const bucket = ref('');
  const prefix = ref('');
  const entries = ref<S3Entry[]>([]);
  const loading = ref(false);
  const uploads = ref<Upload[]>([]);
  const location = ref<string>();
  const policy = ref<{ state: 'none' | 'set' | 'unavailable'; text?: string; message?: string }>();

  async function open(name: string, at = ''): Promise<void> {
    bucket.value = name;
    prefix.value = at;
    await load();
  }

  async function load(): Promise<void> {
    loading.value = true;
    const out = await attempt('Could not list objects', async () => {
      const rows: S3Entry[] = [];
      let token: string | undefined;
      do {
        const page = await call('s3', 'ListObjectsV2', { Bucket: bucket.value, Prefix: prefix.value, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) });
        rows.push(...toEntries(page, prefix.value));
        token = page.IsTruncated === true ? text(page, 'NextContinuationToken') : undefined;
      } while (token);
      return rows;
    });
    if (out) entries.value = out;
    loading.value = false;
  }

  async function createFolder(name: string): Promise<boolean> {
    const key = `${prefix.value}${name.replace(/\/+$/, '')}/`;
    const done = await attempt('Failed to create folder', () => call('s3', 'PutObject', { Bucket: bucket.value, Key: key, Body: '' }), () => `Successfully created folder "${name}".`);
    await load();
    return done !== undefined;
  }

  async function uploadOne(file: File, u: Upload): Promise<void> {
    const key = `${prefix.value}${file.name}`;
    u.status = 'uploading';
    if (file.size <= PART_SIZE) {
      const body = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      await call('s3', 'PutObject', { Bucket: bucket.value, Key: key, Body: body, ContentType: file.type || 'application/octet-stream' });
      u.percent = 100;
      return;
    }
    const started = await call('s3', 'CreateMultipartUpload', { Bucket: bucket.value, Key: key, ContentType: file.type || 'application/octet-stream' });
    const uploadId = text(started, 'UploadId');
    const parts: { ETag: string; PartNumber: number }[] = [];
    try {
      for (let offset = 0, n = 1; offset < file.size; offset += PART_SIZE, n++) {
        const bytes = new Uint8Array(await file.slice(offset, offset + PART_SIZE).arrayBuffer());
        const part = await call('s3', 'UploadPart', { Bucket: bucket.value, Key: key, UploadId: uploadId, PartNumber: n, Body: bytesToBase64(bytes) });
        parts.push({ ETag: text(part, 'ETag'), PartNumber: n });
        u.percent = Math.min(99, Math.round(((offset + bytes.length) / file.size) * 100));
      }
      await call('s3', 'CompleteMultipartUpload', { Bucket: bucket.value, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } });
      u.percent = 100;
    } catch (e) {
      await call('s3', 'AbortMultipartUpload', { Bucket: bucket.value, Key: key, UploadId: uploadId }).catch(() => undefined);
      throw e;
    }
  }

  /** Uploads one file after the other; each row shows its own progress and outcome. */
  async function upload(files: File[]): Promise<void> {
    const batch = files.map((f) => ({ name: f.name, size: f.size, percent: 0, status: 'waiting' as Upload['status'] }));
    uploads.value = [...batch, ...uploads.value].slice(0, 50);
    const rows = uploads.value.slice(0, batch.length);
    for (const [i, file] of files.entries()) {
      const u = rows[i]!;
      try {
        await uploadOne(file, u);
        u.status = 'succeeded';
      } catch (e) {
        u.status = 'failed';
        u.error = e instanceof ContractRequestError ? `${e.code}: ${e.message}` : String(e);
      }
    }
    const failed = rows.filter((u) => u.status === 'failed').length;
    await attempt(
      'Upload failed',
      async () => {
        if (failed) throw new Error(`${failed} of ${rows.length} files failed to upload.`);
      },
      () => `Upload succeeded: ${rows.length} file${rows.length === 1 ? '' : 's'}.`,
    );
    await load();
  }

  /** The object's bytes and type (GetObject's body crosses the contract as base64). */
  async function download(key: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: string } | undefined> {
    const out = await attempt(`Could not download ${key}`, () => call('s3', 'GetObject', { Bucket: bucket.value, Key: key }));
    if (!out) return undefined;
    return { bytes: base64ToBytes(text(out, 'Body')), type: text(out, 'ContentType') || 'application/octet-stream' };
  }

  /** Deletes the keys (a folder: everything under it) with DeleteObjects, 1000 keys per call. */
  async function remove(keys: string[]): Promise<boolean> {
    const result = await attempt(
      'Failed to delete objects',
      async () => {
        const all: string[] = [];
        for (const key of keys) {
          if (!key.endsWith('/')) {
            all.push(key);
            continue;
          }
          let token: string | undefined;
          do {
            const page = await call('s3', 'ListObjectsV2', { Bucket: bucket.value, Prefix: key, ...(token ? { ContinuationToken: token } : {}) });
            all.push(...list(page, 'Contents').map((o) => text(o, 'Key')));
            token = page.IsTruncated === true ? text(page, 'NextContinuationToken') : undefined;
          } while (token);
          if (!all.includes(key)) all.push(key);
        }
        let errors = 0;
        for (let i = 0; i < all.length; i += 1000) {
          const out = await call('s3', 'DeleteObjects', { Bucket: bucket.value, Delete: { Objects: all.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } });
          errors += list(out, 'Errors').length;
        }
        if (errors) throw new Error(`${errors} objects could not be deleted.`);
        return all.length;
      },
      (n) => `Successfully deleted ${n} object${n === 1 ? '' : 's'}.`,
    );
    await load();
    return result !== undefined;
  }

  async function loadProperties(): Promise<void> {
    location.value = undefined;
    policy.value = undefined;
    try {
      const loc = await call('s3', 'GetBucketLocation', { Bucket: bucket.value });
      location.value = text(loc, 'LocationConstraint') || 'us-east-1';
    } catch {
      location.value = '';
    }
    try {
      const out = await call('s3', 'GetBucketPolicy', { Bucket: bucket.value });
      const raw = text(out, 'Policy');
      let pretty = raw;
      try {
        pretty = JSON.stringify(JSON.parse(raw), null, 2);
      } catch {
        // shown as stored
      }
      policy.value = { state: 'set', text: pretty };
    } catch (e) {
      if (e instanceof ContractRequestError && e.code === 'NoSuchBucketPolicy') policy.value = { state: 'none' };
      else if (e instanceof ContractRequestError && e.code === 'NotImplemented')
        policy.value = { state: 'unavailable', message: 'Bucket policies are not in the lab yet: they arrive with IAM policies.' };
      else policy.value = { state: 'unavailable', message: e instanceof Error ? e.message : String(e) };
    }
  }

  return { bucket, prefix, entries, loading, uploads, location, policy, open, load, createFolder, upload, download, remove, loadProperties };
});
