/**
 * Takes in a request body (PutObject, UploadPart) without holding it whole in memory. Up to one chunk
 * is buffered; a body that fits is handed back as a Buffer so the caller can write blob, chunk and
 * object in one transaction (the fast path for small objects). A larger body is streamed into a
 * staging blob, one chunk per small transaction, hashing MD5 as it goes.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Store } from '../../store/store';
import { AwsError } from '../../protocol/errors';
import { appendChunk, CHUNK_SIZE, commitStagedBlob, createStagingBlob, discardBlob, insertCommittedBlob } from './state/blobs';
import { isStorageFailure } from '../../core/storage-errors';
import { badDigest, entityTooLarge, incompleteBody, invalidDigest } from './errors';

export type RequestBodyInput = Buffer | Uint8Array | string | Readable | undefined | null;

export type Ingested =
  | { kind: 'buffer'; data: Buffer; size: number; md5: Buffer }
  | { kind: 'staged'; blobId: number; size: number; md5: Buffer };

/** Checks Content-MD5's form before any byte is read; returns the 16 expected bytes. */
export function checkContentMd5(contentMd5: string | undefined): Buffer | undefined {
  if (contentMd5 === undefined) return undefined;
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(contentMd5) ? Buffer.from(contentMd5, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 16) throw invalidDigest(contentMd5);
  return bytes;
}

const asBuffer = (piece: unknown): Buffer =>
  Buffer.isBuffer(piece) ? piece : piece instanceof Uint8Array ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) : Buffer.from(String(piece));

export async function ingestBody(store: Store, now: number, body: RequestBodyInput, maxSize: number, expectedMd5?: Buffer): Promise<Ingested> {
  let result: Ingested;
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
    const data = body === undefined || body === null ? Buffer.alloc(0) : asBuffer(body);
    if (data.length > maxSize) throw entityTooLarge(data.length, maxSize);
    result = { kind: 'buffer', data, size: data.length, md5: createHash('md5').update(data).digest() };
  } else {
    result = await ingestStream(store, now, body, maxSize);
  }
  if (expectedMd5 && !expectedMd5.equals(result.md5)) {
    dropIngested(store, result);
    throw badDigest(expectedMd5.toString('base64'), result.md5.toString('base64'));
  }
  return result;
}

async function ingestStream(store: Store, now: number, body: Readable, maxSize: number): Promise<Ingested> {
  const hash = createHash('md5');
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let written = 0;
  let blobId: number | undefined;
  const flush = (all: boolean) => {
    let buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingSize);
    blobId ??= createStagingBlob(store, now);
    while (buf.length >= CHUNK_SIZE || (all && buf.length > 0)) {
      const chunk = buf.subarray(0, CHUNK_SIZE);
      appendChunk(store, blobId, written, chunk);
      written += chunk.length;
      buf = buf.subarray(chunk.length);
    }
    pending = buf.length > 0 ? [buf] : [];
    pendingSize = buf.length;
  };
  try {
    for await (const raw of body) {
      const piece = asBuffer(raw);
      if (piece.length === 0) continue;
      hash.update(piece);
      pending.push(piece);
      pendingSize += piece.length;
      if (written + pendingSize > maxSize) throw entityTooLarge(written + pendingSize, maxSize);
      if (pendingSize >= CHUNK_SIZE) flush(false);
    }
  } catch (e) {
    if (blobId !== undefined) discardBlob(store, blobId);
    // A failed signature or payload hash check arrives as an AwsError at the end of the stream; a
    // full disk is the lab's failure, not a short body (the dispatcher answers 503 for it).
    throw e instanceof AwsError || isStorageFailure(e) ? e : incompleteBody();
  }
  const md5 = hash.digest();
  if (blobId === undefined) {
    const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingSize);
    return { kind: 'buffer', data, size: data.length, md5 };
  }
  try {
    flush(true);
  } catch (e) {
    discardBlob(store, blobId);
    throw e;
  }
  return { kind: 'staged', blobId, size: written, md5 };
}

/** Inside the linking transaction: makes the body a committed blob and returns its id. */
export function commitIngested(store: Store, body: Ingested, now: number): number {
  const md5Hex = body.md5.toString('hex');
  if (body.kind === 'buffer') return insertCommittedBlob(store, body.data, md5Hex, now);
  commitStagedBlob(store, body.blobId, body.size, md5Hex);
  return body.blobId;
}

/** After a failed linking transaction: nothing of the body may remain. */
export function dropIngested(store: Store, body: Ingested): void {
  if (body.kind === 'staged') discardBlob(store, body.blobId);
}
