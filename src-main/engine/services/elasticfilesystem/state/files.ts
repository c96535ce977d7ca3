/**
 * One EFS file system's files as the guests' path layer sees them (guest/fs/backend.ts FsBackend):
 * names are rows of `efs_entries` pointing at `efs_inodes`, so every guest that mounts the file
 * system reads and writes the same rows (no copies), a hard link is a second name of one inode, and
 * a rename moves a whole subtree in one transaction. Each statement commits on its own, so a write
 * is durable once the guest's command returns, and nothing here depends on an instance existing.
 */
import type { Store } from '../../../store/store';
import type { EntryKind, FsBackend, NewEntry, RawEntry } from '../../../guest/fs/backend';
import { parentOf } from '../../../guest/fs/backend';
import { meter, transferSeconds, type Direction } from './throughput';
import { meteredBytes } from './metered';

interface InodeRow {
  ino: number;
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size_bytes: number;
  mtime: number;
  target: string | null;
}

const EMPTY = new Uint8Array(0);

/** The file system's root directory (owned by root, 0755, as a new EFS file system's is). */
export function createRoot(store: Store, fsId: string, now: number): void {
  store.stmt("INSERT INTO efs_inodes (fs_id, ino, kind, mode, uid, gid, size_bytes, mtime) VALUES (?, 1, 'dir', 493, 0, 0, 0, ?)").run(fsId, now);
  store.stmt("INSERT INTO efs_entries (fs_id, path, parent, ino) VALUES (?, '/', '', 1)").run(fsId);
}

export function dropFiles(store: Store, fsId: string): void {
  store.stmt('DELETE FROM efs_entries WHERE fs_id = ?').run(fsId);
  store.stmt('DELETE FROM efs_inodes WHERE fs_id = ?').run(fsId);
  store.stmt('DELETE FROM efs_io WHERE fs_id = ?').run(fsId);
}

export function createFilesBackend(store: Store, fsId: string, now: () => number): FsBackend {
  const subtreeLike = (path: string): string => `${path === '/' ? '' : path.replace(/[\\%_]/g, '\\$&')}/%`;
  const inodeOf = (path: string): InodeRow | undefined =>
    store
      .stmt(
        `SELECT i.ino, i.kind, i.mode, i.uid, i.gid, i.size_bytes, i.mtime, i.target
           FROM efs_entries e JOIN efs_inodes i ON i.fs_id = e.fs_id AND i.ino = e.ino
          WHERE e.fs_id = ? AND e.path = ?`,
      )
      .get(fsId, path) as InodeRow | undefined;
  const count = (direction: Direction | 'metadata', bytes: number): void => meter(store, fsId, direction, bytes, now());
  /** Inodes no name points at any more go (the last unlink frees the file). */
  const dropOrphans = (inos: number[]): void => {
    const del = store.stmt('DELETE FROM efs_inodes WHERE fs_id = ? AND ino = ? AND NOT EXISTS (SELECT 1 FROM efs_entries WHERE fs_id = ? AND ino = ?)');
    for (const ino of inos) del.run(fsId, ino, fsId, ino);
  };
  const unlinkTree = (path: string): void => {
    const rows = store
      .stmt("SELECT ino FROM efs_entries WHERE fs_id = ? AND (path = ? OR path LIKE ? ESCAPE '\\')")
      .all(fsId, path, subtreeLike(path)) as { ino: number }[];
    store.stmt('DELETE FROM efs_entries WHERE fs_id = ? AND path = ?').run(fsId, path);
    store.stmt("DELETE FROM efs_entries WHERE fs_id = ? AND path LIKE ? ESCAPE '\\'").run(fsId, subtreeLike(path));
    dropOrphans(rows.map((r) => r.ino));
  };
  const setContent = (path: string, content: Buffer | null, size: number, mtime: number, zero: boolean): void => {
    const i = inodeOf(path);
    if (!i) return;
    store
      .stmt('UPDATE efs_inodes SET content = ?, size_bytes = ?, mtime = ?, zero_fill = ? WHERE fs_id = ? AND ino = ?')
      .run(content, size, mtime, zero ? 1 : 0, fsId, i.ino);
  };

  return {
    id: `efs:${fsId}`,
    get(path): RawEntry | undefined {
      const r = inodeOf(path);
      if (!r) return undefined;
      return { kind: r.kind, mode: r.mode, uid: r.uid, gid: r.gid, size: r.size_bytes, mtime: r.mtime, ...(r.target !== null ? { target: r.target } : {}), ino: r.ino };
    },
    read(path) {
      const r = store
        .stmt(
          `SELECT i.content, i.size_bytes, i.zero_fill FROM efs_entries e JOIN efs_inodes i ON i.fs_id = e.fs_id AND i.ino = e.ino
            WHERE e.fs_id = ? AND e.path = ?`,
        )
        .get(fsId, path) as { content: Buffer | null; size_bytes: number; zero_fill: number } | undefined;
      if (!r) return EMPTY;
      count('read', r.size_bytes);
      if (r.zero_fill) return new Uint8Array(r.size_bytes);
      return r.content ? new Uint8Array(r.content.buffer, r.content.byteOffset, r.content.byteLength) : EMPTY;
    },
    list(dir) {
      count('metadata', 0);
      return (
        store
          .stmt(
            `SELECT e.path, i.kind FROM efs_entries e JOIN efs_inodes i ON i.fs_id = e.fs_id AND i.ino = e.ino
              WHERE e.fs_id = ? AND e.parent = ? AND e.path <> '/' ORDER BY e.path`,
          )
          .all(fsId, dir) as { path: string; kind: EntryKind }[]
      ).map((r) => ({ name: r.path.slice(r.path.lastIndexOf('/') + 1), kind: r.kind }));
    },
    put(path, e: NewEntry) {
      const content = e.content ? Buffer.from(e.content.buffer, e.content.byteOffset, e.content.byteLength) : null;
      store.tx(() => {
        if (inodeOf(path)) unlinkTree(path);
        const next = (store.stmt('SELECT COALESCE(MAX(ino), 1) + 1 AS n FROM efs_inodes WHERE fs_id = ?').get(fsId) as { n: number }).n;
        const size = e.kind === 'symlink' ? (e.target ?? '').length : (content?.byteLength ?? 0);
        store
          .stmt('INSERT INTO efs_inodes (fs_id, ino, kind, mode, uid, gid, size_bytes, mtime, content, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(fsId, next, e.kind, e.mode, e.uid, e.gid, size, e.mtime, content, e.target ?? null);
        store.stmt('INSERT INTO efs_entries (fs_id, path, parent, ino) VALUES (?, ?, ?, ?)').run(fsId, path, parentOf(path), next);
      });
      count('write', content?.byteLength ?? 0);
    },
    write(path, content, mtime, append) {
      const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      if (append) {
        const prev = this.read(path);
        const joined = Buffer.concat([Buffer.from(prev), buf]);
        setContent(path, joined, joined.byteLength, mtime, false);
      } else setContent(path, buf, buf.byteLength, mtime, false);
      count('write', buf.byteLength);
    },
    writeZeros(path, size, mtime) {
      // dd's bytes are metered by transfer(), which also decides how long they take.
      setContent(path, null, size, mtime, true);
    },
    setMeta(path, meta) {
      const cur = inodeOf(path);
      if (!cur) return;
      store
        .stmt('UPDATE efs_inodes SET mode = ?, uid = ?, gid = ?, mtime = ? WHERE fs_id = ? AND ino = ?')
        .run(meta.mode ?? cur.mode, meta.uid ?? cur.uid, meta.gid ?? cur.gid, meta.mtime ?? cur.mtime, fsId, cur.ino);
      count('metadata', 0);
    },
    remove(path) {
      store.tx(() => unlinkTree(path));
      count('metadata', 0);
    },
    rename(from, to) {
      store.tx(() => {
        unlinkTree(to);
        const rows = store
          .stmt("SELECT path FROM efs_entries WHERE fs_id = ? AND (path = ? OR path LIKE ? ESCAPE '\\')")
          .all(fsId, from, subtreeLike(from)) as { path: string }[];
        const upd = store.stmt('UPDATE efs_entries SET path = ?, parent = ? WHERE fs_id = ? AND path = ?');
        for (const { path } of rows) {
          const next = to + path.slice(from.length);
          upd.run(next, parentOf(next), fsId, path);
        }
      });
      count('metadata', 0);
    },
    link(existing, newPath) {
      const i = inodeOf(existing);
      if (!i) return;
      store.stmt('INSERT INTO efs_entries (fs_id, path, parent, ino) VALUES (?, ?, ?, ?)').run(fsId, newPath, parentOf(newPath), i.ino);
      count('metadata', 0);
    },
    transfer(direction, bytes) {
      return transferSeconds(store, fsId, direction, bytes, now());
    },
    allPaths() {
      return (store.stmt('SELECT path FROM efs_entries WHERE fs_id = ?').all(fsId) as { path: string }[]).map((r) => r.path);
    },
    usedBytes() {
      return meteredBytes(store, fsId);
    },
  };
}
