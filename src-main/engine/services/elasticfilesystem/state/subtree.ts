/** A directory of a backend seen as the root of its own (an access point's root directory, an export path). */
import type { FsBackend } from '../../../guest/fs/backend';

export function subtreeBackend(inner: FsBackend, root: string): FsBackend {
  if (root === '/' || root === '') return inner;
  const at = (p: string): string => (p === '/' ? root : `${root}${p}`);
  const back = (p: string): string => (p === root ? '/' : p.slice(root.length));
  return {
    // Locks key on the file system and inode, whichever directory a client mounted.
    ...(inner.id ? { id: inner.id } : {}),
    get: (p) => inner.get(at(p)),
    read: (p) => inner.read(at(p)),
    list: (d) => inner.list(at(d)),
    put: (p, e) => inner.put(at(p), e),
    write: (p, c, m, a) => inner.write(at(p), c, m, a),
    ...(inner.writeZeros ? { writeZeros: (p: string, s: number, m: number) => inner.writeZeros!(at(p), s, m) } : {}),
    setMeta: (p, meta) => inner.setMeta(at(p), meta),
    remove: (p) => inner.remove(at(p)),
    rename: (f, t) => inner.rename(at(f), at(t)),
    ...(inner.link ? { link: (e: string, n: string) => inner.link!(at(e), at(n)) } : {}),
    ...(inner.transfer ? { transfer: (d: 'read' | 'write', b: number) => inner.transfer!(d, b) } : {}),
    allPaths: () => inner.allPaths().filter((p) => p === root || p.startsWith(`${root}/`)).map(back),
    usedBytes: () => inner.usedBytes(),
  };
}
