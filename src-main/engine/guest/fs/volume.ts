/**
 * One EBS volume's (or instance-store disk's) files, in SQLite. Each call is its own small statement
 * or transaction, so a guest's write is durable once the command returns.
 */
import type { Store } from '../../store/store';
import { joinPath, parentOf, type EntryKind, type FsBackend, type NewEntry, type RawEntry } from './backend';

interface FileRow {
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size_bytes: number;
  mtime: number;
  target: string | null;
  zero_fill: number;
}

export interface VolumeInfo {
  dataId: string;
  fsType: string | null;
  sizeBytes: number;
  baseUsedBytes: number;
  seededFrom: string | null;
}

/** The volume's row; created (unformatted) on first sight. */
export function ensureVolume(store: Store, dataId: string, sizeBytes: number, now: number): VolumeInfo {
  store
    .stmt(
      `INSERT INTO guest_volumes (data_id, fs_type, size_bytes, created_at) VALUES (?, NULL, ?, ?)
       ON CONFLICT (data_id) DO UPDATE SET size_bytes = excluded.size_bytes`,
    )
    .run(dataId, sizeBytes, now);
  return getVolume(store, dataId)!;
}

export function getVolume(store: Store, dataId: string): VolumeInfo | undefined {
  const row = store
    .stmt('SELECT data_id, fs_type, size_bytes, base_used_bytes, seeded_from FROM guest_volumes WHERE data_id = ?')
    .get(dataId) as
    | { data_id: string; fs_type: string | null; size_bytes: number; base_used_bytes: number; seeded_from: string | null }
    | undefined;
  return row
    ? {
        dataId: row.data_id,
        fsType: row.fs_type,
        sizeBytes: row.size_bytes,
        baseUsedBytes: row.base_used_bytes,
        seededFrom: row.seeded_from,
      }
    : undefined;
}

/** mkfs: a fresh, empty filesystem (root directory and lost+found, as mke2fs leaves them). */
export function formatVolume(store: Store, dataId: string, fsType: string, now: number): void {
  store.tx(() => {
    store.stmt('DELETE FROM guest_files WHERE data_id = ?').run(dataId);
    store
      .stmt('UPDATE guest_volumes SET fs_type = ?, base_used_bytes = 0, seeded_from = NULL WHERE data_id = ?')
      .run(fsType, dataId);
    const vol = createVolumeBackend(store, dataId);
    vol.put('/', { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now });
    if (fsType.startsWith('ext')) vol.put('/lost+found', { kind: 'dir', mode: 0o700, uid: 0, gid: 0, mtime: now });
  });
}

/** Seeds an OS image onto a root volume (once). */
export function markSeeded(store: Store, dataId: string, fsType: string, from: string, baseUsedBytes: number): void {
  store
    .stmt('UPDATE guest_volumes SET fs_type = ?, seeded_from = ?, base_used_bytes = ? WHERE data_id = ?')
    .run(fsType, from, baseUsedBytes, dataId);
}

/** Snapshots and CreateVolume-from-snapshot carry the files along. */
export function copyVolumeData(store: Store, fromDataId: string, toDataId: string, now: number): void {
  store.tx(() => {
    const src = getVolume(store, fromDataId);
    if (!src) return;
    store
      .stmt(
        `INSERT INTO guest_volumes (data_id, fs_type, size_bytes, base_used_bytes, seeded_from, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (data_id) DO UPDATE SET fs_type = excluded.fs_type, base_used_bytes = excluded.base_used_bytes,
           seeded_from = excluded.seeded_from`,
      )
      .run(toDataId, src.fsType, src.sizeBytes, src.baseUsedBytes, src.seededFrom, now);
    store.stmt('DELETE FROM guest_files WHERE data_id = ?').run(toDataId);
    store
      .stmt(
        `INSERT INTO guest_files (data_id, path, parent, kind, mode, uid, gid, size_bytes, mtime, content, target, zero_fill)
         SELECT ?, path, parent, kind, mode, uid, gid, size_bytes, mtime, content, target, zero_fill
           FROM guest_files WHERE data_id = ?`,
      )
      .run(toDataId, fromDataId);
  });
}

/** The instance store loses everything on stop; a deleted volume's files go with it. */
export function eraseVolume(store: Store, dataId: string): void {
  store.tx(() => {
    store.stmt('DELETE FROM guest_files WHERE data_id = ?').run(dataId);
    store.stmt('DELETE FROM guest_volumes WHERE data_id = ?').run(dataId);
  });
}

const EMPTY = new Uint8Array(0);

export function createVolumeBackend(store: Store, dataId: string): FsBackend {
  const get = (path: string): RawEntry | undefined => {
    const r = store
      .stmt(
        'SELECT kind, mode, uid, gid, size_bytes, mtime, target, zero_fill FROM guest_files WHERE data_id = ? AND path = ?',
      )
      .get(dataId, path) as FileRow | undefined;
    if (!r) return undefined;
    return {
      kind: r.kind,
      mode: r.mode,
      uid: r.uid,
      gid: r.gid,
      size: r.size_bytes,
      mtime: r.mtime,
      ...(r.target !== null ? { target: r.target } : {}),
    };
  };
  const subtreeLike = (path: string): string => `${path === '/' ? '' : path.replace(/[\\%_]/g, '\\$&')}/%`;

  return {
    get,
    read(path) {
      const r = store
        .stmt('SELECT content, size_bytes, zero_fill FROM guest_files WHERE data_id = ? AND path = ?')
        .get(dataId, path) as { content: Buffer | null; size_bytes: number; zero_fill: number } | undefined;
      if (!r) return EMPTY;
      if (r.zero_fill) return new Uint8Array(r.size_bytes);
      return r.content ? new Uint8Array(r.content.buffer, r.content.byteOffset, r.content.byteLength) : EMPTY;
    },
    list(dir) {
      return store
        .stmt('SELECT path, kind FROM guest_files WHERE data_id = ? AND parent = ? AND path <> ? ORDER BY path')
        .all(dataId, dir, '/')
        .map((r) => {
          const row = r as { path: string; kind: EntryKind };
          return { name: row.path.slice(row.path.lastIndexOf('/') + 1), kind: row.kind };
        });
    },
    put(path, e: NewEntry) {
      const content = e.content ? Buffer.from(e.content.buffer, e.content.byteOffset, e.content.byteLength) : null;
      store
        .stmt(
          `INSERT OR REPLACE INTO guest_files (data_id, path, parent, kind, mode, uid, gid, size_bytes, mtime, content, target, zero_fill)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        )
        .run(
          dataId,
          path,
          path === '/' ? '' : parentOf(path),
          e.kind,
          e.mode,
          e.uid,
          e.gid,
          e.kind === 'symlink' ? (e.target ?? '').length : (content?.byteLength ?? 0),
          e.mtime,
          content,
          e.target ?? null,
        );
    },
    write(path, content, mtime, append) {
      const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      if (append) {
        const prev = this.read(path);
        const joined = Buffer.concat([Buffer.from(prev), buf]);
        store
          .stmt(
            'UPDATE guest_files SET content = ?, size_bytes = ?, mtime = ?, zero_fill = 0 WHERE data_id = ? AND path = ?',
          )
          .run(joined, joined.byteLength, mtime, dataId, path);
      } else {
        store
          .stmt(
            'UPDATE guest_files SET content = ?, size_bytes = ?, mtime = ?, zero_fill = 0 WHERE data_id = ? AND path = ?',
          )
          .run(buf, buf.byteLength, mtime, dataId, path);
      }
    },
    writeZeros(path, size, mtime) {
      store
        .stmt(
          'UPDATE guest_files SET content = NULL, size_bytes = ?, mtime = ?, zero_fill = 1 WHERE data_id = ? AND path = ?',
        )
        .run(size, mtime, dataId, path);
    },
    setMeta(path, meta) {
      const cur = get(path);
      if (!cur) return;
      store
        .stmt('UPDATE guest_files SET mode = ?, uid = ?, gid = ?, mtime = ? WHERE data_id = ? AND path = ?')
        .run(meta.mode ?? cur.mode, meta.uid ?? cur.uid, meta.gid ?? cur.gid, meta.mtime ?? cur.mtime, dataId, path);
    },
    remove(path) {
      store.tx(() => {
        store.stmt('DELETE FROM guest_files WHERE data_id = ? AND path = ?').run(dataId, path);
        store.stmt("DELETE FROM guest_files WHERE data_id = ? AND path LIKE ? ESCAPE '\\'").run(dataId, subtreeLike(path));
      });
    },
    rename(from, to) {
      store.tx(() => {
        store.stmt('DELETE FROM guest_files WHERE data_id = ? AND path = ?').run(dataId, to);
        store.stmt("DELETE FROM guest_files WHERE data_id = ? AND path LIKE ? ESCAPE '\\'").run(dataId, subtreeLike(to));
        const rows = store
          .stmt("SELECT path FROM guest_files WHERE data_id = ? AND (path = ? OR path LIKE ? ESCAPE '\\')")
          .all(dataId, from, subtreeLike(from)) as { path: string }[];
        const upd = store.stmt('UPDATE guest_files SET path = ?, parent = ? WHERE data_id = ? AND path = ?');
        for (const { path } of rows) {
          const next = to + path.slice(from.length);
          upd.run(next, parentOf(next), dataId, path);
        }
      });
    },
    allPaths() {
      return (store.stmt('SELECT path FROM guest_files WHERE data_id = ?').all(dataId) as { path: string }[]).map(
        (r) => r.path,
      );
    },
    usedBytes() {
      // Blocks, as a filesystem counts them: 4 KiB per directory, whole blocks per file.
      const r = store
        .stmt(
          `SELECT COALESCE(SUM(CASE kind WHEN 'dir' THEN 4096 ELSE ((size_bytes + 4095) / 4096) * 4096 END), 0) AS used
             FROM guest_files WHERE data_id = ?`,
        )
        .get(dataId) as { used: number };
      return (getVolume(store, dataId)?.baseUsedBytes ?? 0) + r.used;
    },
  };
}

export { joinPath };
