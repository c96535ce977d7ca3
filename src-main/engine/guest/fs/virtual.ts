/**
 * Filesystems whose files are computed, not stored: /proc (cpuinfo and meminfo from the instance
 * type, uptime from the simulated clock) and /dev (device nodes). Writes go to a handler or fail
 * with EROFS/EACCES through the path layer.
 */
import { normalizePath, parentOf, type EntryKind, type FsBackend, type NewEntry, type RawEntry } from './backend';

export interface VirtualFile {
  kind: EntryKind;
  mode: number;
  uid?: number;
  gid?: number;
  /** Generated on every read (files). */
  content?: () => string;
  target?: string;
  device?: string;
  /** Accepts writes (e.g. /proc/sys/vm/drop_caches). */
  onWrite?: (data: Uint8Array) => void;
}

export function createVirtualBackend(
  files: () => Map<string, VirtualFile>,
  opts: { now: () => number; readOnly?: boolean },
): FsBackend {
  const table = (): Map<string, VirtualFile> => {
    const t = files();
    // Every parent directory exists.
    for (const p of [...t.keys()]) {
      for (let d = parentOf(p); ; d = parentOf(d)) {
        if (!t.has(d)) t.set(d, { kind: 'dir', mode: 0o555 });
        if (d === '/') break;
      }
    }
    if (!t.has('/')) t.set('/', { kind: 'dir', mode: 0o555 });
    return t;
  };
  const entry = (f: VirtualFile): RawEntry => ({
    kind: f.kind,
    mode: f.mode,
    uid: f.uid ?? 0,
    gid: f.gid ?? 0,
    size: f.kind === 'file' ? 0 : f.kind === 'symlink' ? (f.target ?? '').length : 0,
    mtime: opts.now(),
    ...(f.target ? { target: f.target } : {}),
    ...(f.device ? { device: f.device } : {}),
  });
  const refuse = (): never => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  };
  return {
    readOnly: opts.readOnly ?? true,
    get(path) {
      const f = table().get(normalizePath(path));
      return f ? entry(f) : undefined;
    },
    read(path) {
      const f = table().get(normalizePath(path));
      return new TextEncoder().encode(f?.content?.() ?? '');
    },
    list(dir) {
      const d = normalizePath(dir);
      const out: { name: string; kind: EntryKind }[] = [];
      for (const [p, f] of table()) if (p !== '/' && parentOf(p) === d) out.push({ name: p.slice(p.lastIndexOf('/') + 1), kind: f.kind });
      return out;
    },
    put(_path: string, _e: NewEntry) {
      refuse();
    },
    write(path, content) {
      const f = table().get(normalizePath(path));
      if (!f?.onWrite) refuse();
      f!.onWrite!(content);
    },
    setMeta() {
      refuse();
    },
    remove() {
      refuse();
    },
    rename() {
      refuse();
    },
    allPaths() {
      return [...table().keys()];
    },
    usedBytes() {
      return 0;
    },
  };
}
