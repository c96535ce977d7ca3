/**
 * Object bodies in SQLite: a blob is ordered chunks (≤ 1 MiB) in s3_chunks.
 *
 * Lifecycle. A streamed body is written as a 'staging' blob, one chunk per small transaction, and
 * becomes 'committed' in the same transaction that links it to an object or a part. Blobs are
 * shared (CopyObject, CompleteMultipartUpload) and collected by reachability: a blob is garbage once
 * no s3_object_blobs, s3_version_blobs or s3_parts row names it. `releaseBlobs` checks exactly the blobs a write just
 * unlinked; `sweepBlobs` (engine start) removes every unreferenced blob, which covers staging blobs a
 * crash left behind.
 *
 * Readers. GetObject snapshots its blob list and streams chunks across event-loop turns, so an
 * overwrite may unlink those blobs mid-read. Readers pin blobs in memory (per store); a pinned blob is
 * never deleted by `releaseBlobs`, and the last reader to unpin it collects it if it is unreferenced by
 * then. Pins die with the process, and so does every reader, so start-up's sweep is enough.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Store } from '../../../store/store';

export const CHUNK_SIZE = 1024 * 1024;

export interface BlobRow {
  id: number;
  state: 'staging' | 'committed';
  size: number;
  md5: string;
}

/** A byte range [start, end) inside one blob. */
export interface BlobSegment {
  blobId: number;
  start: number;
  end: number;
}

export function createStagingBlob(store: Store, now: number): number {
  const r = store.stmt(`INSERT INTO s3_blobs (state, size, md5, created_at) VALUES ('staging', 0, '', ?)`).run(now);
  return Number(r.lastInsertRowid);
}

export function appendChunk(store: Store, blobId: number, offset: number, data: Buffer): void {
  store.stmt('INSERT INTO s3_chunks (blob_id, offset, data) VALUES (?, ?, ?)').run(blobId, offset, data);
}

/** Inside the linking transaction: the staged bytes become a committed blob. */
export function commitStagedBlob(store: Store, blobId: number, size: number, md5Hex: string): void {
  store.stmt(`UPDATE s3_blobs SET state = 'committed', size = ?, md5 = ? WHERE id = ?`).run(size, md5Hex, blobId);
}

/** Inside the caller's transaction: a whole small body as a committed blob in one go. */
export function insertCommittedBlob(store: Store, data: Buffer, md5Hex: string, now: number): number {
  const r = store.stmt(`INSERT INTO s3_blobs (state, size, md5, created_at) VALUES ('committed', ?, ?, ?)`).run(data.length, md5Hex, now);
  const id = Number(r.lastInsertRowid);
  for (let off = 0; off < data.length; off += CHUNK_SIZE) appendChunk(store, id, off, data.subarray(off, off + CHUNK_SIZE));
  return id;
}

/** Drops a blob and its chunks unconditionally (a failed upload's staging blob). */
export function discardBlob(store: Store, blobId: number): void {
  store.tx(() => {
    store.stmt('DELETE FROM s3_chunks WHERE blob_id = ?').run(blobId);
    store.stmt('DELETE FROM s3_blobs WHERE id = ?').run(blobId);
  });
}

const isReferenced = (store: Store, blobId: number): boolean =>
  store
    .stmt(
      `SELECT EXISTS (SELECT 1 FROM s3_object_blobs WHERE blob_id = ?)
           OR EXISTS (SELECT 1 FROM s3_version_blobs WHERE blob_id = ?)
           OR EXISTS (SELECT 1 FROM s3_parts WHERE blob_id = ?) AS used`,
    )
    .pluck()
    .get(blobId, blobId, blobId) === 1;

const pinsByStore = new WeakMap<Store, Map<number, number>>();
const pinsOf = (store: Store): Map<number, number> => {
  let pins = pinsByStore.get(store);
  if (!pins) pinsByStore.set(store, (pins = new Map()));
  return pins;
};

/** Call after unlinking blobs (same transaction): deletes those nobody references or reads. */
export function releaseBlobs(store: Store, blobIds: Iterable<number>): void {
  const pins = pinsOf(store);
  for (const id of new Set(blobIds)) {
    if (pins.has(id) || isReferenced(store, id)) continue;
    store.stmt('DELETE FROM s3_chunks WHERE blob_id = ?').run(id);
    store.stmt('DELETE FROM s3_blobs WHERE id = ?').run(id);
  }
}

/** Engine start: everything unreferenced is garbage, including staging blobs of interrupted uploads. */
export function sweepBlobs(store: Store): number {
  return store.tx(() => {
    const garbage = store
      .stmt(
        `SELECT id FROM s3_blobs b
         WHERE NOT EXISTS (SELECT 1 FROM s3_object_blobs o WHERE o.blob_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM s3_version_blobs v WHERE v.blob_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM s3_parts p WHERE p.blob_id = b.id)`,
      )
      .pluck()
      .all() as number[];
    for (const id of garbage) {
      store.stmt('DELETE FROM s3_chunks WHERE blob_id = ?').run(id);
      store.stmt('DELETE FROM s3_blobs WHERE id = ?').run(id);
    }
    // Chunks whose blob row is gone (a crash between the two deletes cannot happen in one
    // transaction, but a staging writer racing a sweep could leave some).
    store.stmt('DELETE FROM s3_chunks WHERE blob_id NOT IN (SELECT id FROM s3_blobs)').run();
    return garbage.length;
  });
}

function pin(store: Store, ids: number[]): () => void {
  const pins = pinsOf(store);
  for (const id of ids) pins.set(id, (pins.get(id) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const free: number[] = [];
    for (const id of ids) {
      const n = (pins.get(id) ?? 1) - 1;
      if (n <= 0) {
        pins.delete(id);
        free.push(id);
      } else pins.set(id, n);
    }
    if (free.length === 0 || !store.db.open) return;
    store.tx(() => releaseBlobs(store, free));
  };
}

// A reader the consumer drops without finishing still gets unpinned once it is collected.
const unpinOnCollect = new FinalizationRegistry<() => void>((release) => {
  try {
    release();
  } catch {
    // The store may be closed by then; start-up's sweep collects what is left.
  }
});

/**
 * Reads `segments` in order, one chunk per step with a range query, yielding to the event loop
 * between chunks. Pins the blobs from the moment it is called, so call it while the blob list is
 * current (inside the handler's transaction).
 */
export function readSegments(store: Store, segments: BlobSegment[]): AsyncIterable<Uint8Array> {
  const release = pin(store, segments.map((s) => s.blobId));
  const firstChunk = store.stmt(
    'SELECT offset, data FROM s3_chunks WHERE blob_id = ? AND offset <= ? ORDER BY offset DESC LIMIT 1',
  );
  const nextChunk = store.stmt('SELECT offset, data FROM s3_chunks WHERE blob_id = ? AND offset > ? ORDER BY offset LIMIT 1');
  type Chunk = { offset: number; data: Buffer };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      for (const seg of segments) {
        if (seg.end <= seg.start) continue;
        let chunk = firstChunk.get(seg.blobId, seg.start) as Chunk | undefined;
        while (chunk && chunk.offset < seg.end) {
          const from = Math.max(seg.start - chunk.offset, 0);
          const to = Math.min(seg.end - chunk.offset, chunk.data.length);
          if (to > from) yield from === 0 && to === chunk.data.length ? chunk.data : chunk.data.subarray(from, to);
          await nextTurn();
          chunk = nextChunk.get(seg.blobId, chunk.offset) as Chunk | undefined;
        }
      }
    } finally {
      release();
    }
  }
  const iterable = generate();
  unpinOnCollect.register(iterable, release);
  return iterable;
}

/** Small ranges (up to a chunk or so) are read at once, synchronously: no pin, no generator. */
export function readSmall(store: Store, segments: BlobSegment[]): Buffer {
  const parts: Buffer[] = [];
  // Chunks are at most CHUNK_SIZE long, so only those starting after start - CHUNK_SIZE can overlap.
  const overlapping = store.stmt('SELECT offset, data FROM s3_chunks WHERE blob_id = ? AND offset > ? AND offset < ? ORDER BY offset');
  for (const seg of segments) {
    for (const c of overlapping.all(seg.blobId, seg.start - CHUNK_SIZE, seg.end) as { offset: number; data: Buffer }[]) {
      const from = Math.max(seg.start - c.offset, 0);
      const to = Math.min(seg.end - c.offset, c.data.length);
      if (to > from) parts.push(c.data.subarray(from, to));
    }
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
