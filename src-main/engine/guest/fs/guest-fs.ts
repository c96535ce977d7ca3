/**
 * The guest's whole filesystem tree as just-bash sees it (IFileSystem, structurally): a mount table
 * of backends (the root EBS volume, attached volumes once mounted, the instance store, the virtual
 * /proc and /dev), symlinks resolved across mounts, and Unix permissions checked for the user the
 * current command runs as. Errors use Node's wording ("ENOENT: no such file or directory, open '/x'"),
 * which just-bash's commands turn into the usual "No such file or directory".
 */
import { GUEST_LIMITS, limitMessage } from '../limits';
import { S_IFMT, decoder, eacces, encodingOf, enoent, err, toBytes } from './errors';
import type { Credentials, FsStatFull, Mount } from './mount';
import { baseName, joinPath, normalizePath, parentOf, type RawEntry } from './backend';

export type { Credentials, FsStatFull, Mount } from './mount';

interface Resolved {
  path: string;
  mount: Mount;
  rel: string;
  entry: RawEntry | undefined;
}

export interface GuestFsOptions {
  mounts: Mount[];
  /** Shared with other views of the same machine (each view has its own credentials). */
  table?: MountTable;
  /** Who the current command runs as (sudo changes it for the duration of its command). */
  credentials(): Credentials;
  now(): number;
  /** Device files (/dev/null, /dev/zero...) read and write through here. */
  devices?: {
    read(name: string): Uint8Array;
    write(name: string, data: Uint8Array): void;
  };
}

/** The machine's mounts, and which of them fsfreeze has frozen (writers wait for the thaw). */
export interface MountTable {
  mounts: Mount[];
  frozen?: Map<string, { thawed: Promise<void>; thaw(): void }>;
}

export class GuestFs {
  private readonly table: MountTable;
  constructor(private readonly opts: GuestFsOptions) {
    this.table = opts.table ?? { mounts: [] };
    for (const m of opts.mounts) this.mount(m);
  }
  private get mounts(): Mount[] {
    return this.table.mounts;
  }
  private set mounts(m: Mount[]) {
    this.table.mounts = m;
  }

  // ── mount table ──────────────────────────────────────────────────────────────────────────────
  mount(m: Mount): void {
    this.mounts = [...this.mounts.filter((x) => x.point !== m.point), m].sort((a, b) => b.point.length - a.point.length);
  }
  unmount(point: string): Mount | undefined {
    const m = this.mounts.find((x) => x.point === point);
    this.mounts = this.mounts.filter((x) => x.point !== point);
    return m;
  }
  listMounts(): Mount[] {
    return [...this.mounts].sort((a, b) => a.point.length - b.point.length || a.point.localeCompare(b.point));
  }
  mountFor(path: string): { mount: Mount; rel: string } {
    for (const m of this.mounts) {
      if (m.point === '/' || path === m.point || path.startsWith(`${m.point}/`)) {
        const rel = m.point === '/' ? path : path.slice(m.point.length) || '/';
        return { mount: m, rel };
      }
    }
    throw new Error(`no root filesystem for ${path}`);
  }

  // ── fsfreeze ─────────────────────────────────────────────────────────────────────────────────
  /** fsfreeze -f: writes under the mount point wait until thaw(); false when already frozen. */
  freeze(point: string): boolean {
    const frozen = (this.table.frozen ??= new Map());
    if (frozen.has(point)) return false;
    let thaw = (): void => {};
    const thawed = new Promise<void>((r) => (thaw = r));
    frozen.set(point, { thawed, thaw });
    return true;
  }
  /** fsfreeze -u: releases the waiting writers; false when the mount was not frozen. */
  thaw(point: string): boolean {
    const f = this.table.frozen?.get(point);
    if (!f) return false;
    this.table.frozen!.delete(point);
    f.thaw();
    return true;
  }
  /** A write blocks while its filesystem is frozen, as a process does in the kernel. */
  private async writable(path: string): Promise<void> {
    const frozen = this.table.frozen;
    if (!frozen?.size) return;
    let point: string;
    try {
      point = this.mountFor(this.resolvePath('/', path)).mount.point;
    } catch {
      return;
    }
    for (let f = frozen.get(point); f; f = frozen.get(point)) await f.thawed;
  }

  // ── resolution and permission ───────────────────────────────────────────────────────────────
  private creds(): Credentials {
    return this.opts.credentials();
  }
  /** Unix permission bits for the current user: 4 read, 2 write, 1 execute. */
  allowed(e: { mode: number; uid: number; gid: number }, want: number, c = this.creds()): boolean {
    if (c.uid === 0) return want !== 1 || (e.mode & 0o111) !== 0 || (e.mode & 0o170000) === S_IFMT.dir;
    const bits = c.uid === e.uid ? (e.mode >> 6) & 7 : c.groups.includes(e.gid) || c.gid === e.gid ? (e.mode >> 3) & 7 : e.mode & 7;
    return (bits & want) === want;
  }

  private resolve(input: string, followLast: boolean, op: string): Resolved {
    let pending = normalizePath(input).split('/').filter(Boolean);
    let current = '/';
    let hops = 0;
    const c = this.creds();
    for (let i = 0; i < pending.length; i++) {
      const name = pending[i]!;
      const dir = this.mountFor(current);
      const dirEntry = dir.mount.backend.get(dir.rel);
      if (!dirEntry) throw enoent(op, input);
      if (dirEntry.kind !== 'dir') throw err('ENOTDIR', 'not a directory', op, input);
      if (!this.allowed({ ...dirEntry, mode: dirEntry.mode | S_IFMT.dir }, 1, c)) throw eacces(op, input);
      const next = joinPath(current, name);
      const last = i === pending.length - 1;
      const at = this.mountFor(next);
      const entry = at.mount.backend.get(at.rel);
      if (entry?.kind === 'symlink' && (!last || followLast)) {
        if (++hops > 40) throw err('ELOOP', 'too many symbolic links encountered', op, input);
        const target = entry.target ?? '';
        const base = target.startsWith('/') ? target : joinPath(current, target);
        pending = [...normalizePath(base).split('/').filter(Boolean), ...pending.slice(i + 1)];
        current = '/';
        i = -1;
        continue;
      }
      current = next;
    }
    const at = this.mountFor(current);
    return { path: current, mount: at.mount, rel: at.rel, entry: at.mount.backend.get(at.rel) };
  }

  private writableDir(path: string, op: string, shown: string): Resolved {
    const dir = this.resolve(path, true, op);
    if (!dir.entry) throw enoent(op, shown);
    if (dir.entry.kind !== 'dir') throw err('ENOTDIR', 'not a directory', op, shown);
    if (dir.mount.backend.readOnly) throw err('EROFS', 'read-only file system', op, shown);
    if (!this.allowed({ ...dir.entry, mode: dir.entry.mode | S_IFMT.dir }, 3)) throw eacces(op, shown);
    return dir;
  }

  private checkSpace(m: Mount, adding: number, op: string, p: string): void {
    if (m.capacityBytes !== undefined && m.backend.usedBytes() + adding > m.capacityBytes)
      throw err('ENOSPC', 'no space left on device', op, p);
  }

  // ── IFileSystem ─────────────────────────────────────────────────────────────────────────────
  async readFile(path: string, options?: unknown): Promise<string> {
    const bytes = await this.readFileBuffer(path);
    const enc = encodingOf(options);
    if (enc === 'binary' || enc === 'latin1') return Buffer.from(bytes).toString('latin1');
    if (enc === 'base64' || enc === 'hex') return Buffer.from(bytes).toString(enc);
    return decoder.decode(bytes);
  }
  async readFileBytes(path: string): Promise<string> {
    return Buffer.from(await this.readFileBuffer(path)).toString('latin1') as string;
  }
  async readFileBuffer(path: string): Promise<Uint8Array> {
    return this.readSync(path);
  }
  readSync(path: string): Uint8Array {
    const r = this.resolve(path, true, 'open');
    if (!r.entry) throw enoent('open', path);
    if (r.entry.kind === 'dir') throw err('EISDIR', 'illegal operation on a directory', 'read', path);
    if (!this.allowed(r.entry, 4)) throw eacces('open', path);
    if (r.entry.kind === 'device') return this.opts.devices?.read(r.entry.device ?? baseName(r.path)) ?? new Uint8Array(0);
    if (r.entry.size > GUEST_LIMITS.maxFileReadBytes)
      throw Object.assign(new Error(`EFBIG: ${limitMessage('maxFileReadBytes', `${path} is too large to read`)}`), {
        code: 'EFBIG',
      });
    return r.mount.backend.read(r.rel);
  }

  async writeFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    await this.writable(path);
    this.writeSync(path, toBytes(content, encodingOf(options)), false);
  }
  async appendFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    await this.writable(path);
    this.writeSync(path, toBytes(content, encodingOf(options)), true);
  }
  writeSync(path: string, data: Uint8Array, append: boolean, mode = 0o644): void {
    if (data.byteLength > GUEST_LIMITS.maxFileWriteBytes)
      throw Object.assign(new Error(`EFBIG: ${limitMessage('maxFileWriteBytes', `${path} is too large to write`)}`), {
        code: 'EFBIG',
      });
    const r = this.resolve(path, true, 'open');
    const now = this.opts.now();
    if (r.entry) {
      if (r.entry.kind === 'dir') throw err('EISDIR', 'illegal operation on a directory', 'open', path);
      if (r.entry.kind === 'device') {
        if (!this.allowed(r.entry, 2)) throw eacces('open', path);
        this.opts.devices?.write(r.entry.device ?? baseName(r.path), data);
        return;
      }
      if (r.mount.backend.readOnly) throw err('EROFS', 'read-only file system', 'open', path);
      if (!this.allowed(r.entry, 2)) throw eacces('open', path);
      this.checkSpace(r.mount, append ? data.byteLength : data.byteLength - r.entry.size, 'write', path);
      r.mount.backend.write(r.rel, data, now, append);
      return;
    }
    const dir = this.writableDir(parentOf(r.path), 'open', path);
    void dir;
    this.checkSpace(r.mount, data.byteLength, 'write', path);
    const c = this.creds();
    r.mount.backend.put(r.rel, { kind: 'file', mode, uid: c.uid, gid: c.gid, mtime: now, content: data });
  }

  /** dd if=/dev/zero: a large file of zeros without storing them. */
  writeZerosSync(path: string, size: number): void {
    this.writeSync(path, new Uint8Array(0), false);
    const r = this.resolve(path, true, 'open');
    this.checkSpace(r.mount, size, 'write', path);
    if (r.mount.backend.writeZeros) r.mount.backend.writeZeros(r.rel, size, this.opts.now());
  }

  readSyncText(path: string): string {
    return decoder.decode(this.readSync(path));
  }
  listSync(path: string): string[] {
    const r = this.resolve(path, true, 'scandir');
    if (!r.entry) throw enoent('scandir', path);
    if (r.entry.kind !== 'dir') throw err('ENOTDIR', 'not a directory', 'scandir', path);
    if (!this.allowed({ ...r.entry, mode: r.entry.mode | S_IFMT.dir }, 4)) throw eacces('scandir', path);
    return r.mount.backend.list(r.rel).map((e) => e.name).sort();
  }
  /** access(2): throws EACCES/ENOENT like the syscall (want: 4 read, 2 write, 1 execute). */
  accessSync(path: string, want: number): void {
    const r = this.resolve(path, true, 'access');
    if (!r.entry) throw enoent('access', path);
    const mode = r.entry.kind === 'dir' ? r.entry.mode | S_IFMT.dir : r.entry.mode;
    if (!this.allowed({ ...r.entry, mode }, want)) throw eacces('access', path);
  }
  existsSync(path: string): boolean {
    try {
      return this.resolve(path, true, 'access').entry !== undefined;
    } catch {
      return false;
    }
  }

  async exists(path: string): Promise<boolean> {
    try {
      return this.resolve(path, true, 'access').entry !== undefined;
    } catch {
      return false;
    }
  }

  statSync(path: string, follow = true): FsStatFull {
    const r = this.resolve(path, follow, follow ? 'stat' : 'lstat');
    if (!r.entry) throw enoent(follow ? 'stat' : 'lstat', path);
    const e = r.entry;
    return {
      isFile: e.kind === 'file' || e.kind === 'device',
      isDirectory: e.kind === 'dir',
      isSymbolicLink: e.kind === 'symlink',
      mode: e.mode | S_IFMT[e.kind],
      size: e.size,
      mtime: new Date(e.mtime),
      uid: e.uid,
      gid: e.gid,
      kind: e.kind,
      ...(e.device ? { device: e.device } : {}),
    };
  }
  async stat(path: string): Promise<FsStatFull> {
    return this.statSync(path, true);
  }
  async lstat(path: string): Promise<FsStatFull> {
    return this.statSync(path, false);
  }

  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    await this.writable(path);
    this.mkdirSync(path, options?.recursive ?? false);
  }
  mkdirSync(path: string, recursive: boolean, mode = 0o755): void {
    const norm = normalizePath(path);
    const parent = parentOf(norm);
    if (recursive && norm !== '/') {
      let parentExists = false;
      try {
        parentExists = this.resolve(parent, true, 'mkdir').entry !== undefined;
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
      if (!parentExists) this.mkdirSync(parent, true, mode);
    }
    let r: Resolved;
    try {
      r = this.resolve(norm, true, 'mkdir');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') throw enoent('mkdir', path);
      throw e;
    }
    if (r.entry) {
      if (recursive && r.entry.kind === 'dir') return;
      throw err('EEXIST', 'file already exists', 'mkdir', path);
    }
    const p = this.resolve(parentOf(r.path), true, 'mkdir');
    if (!p.entry) throw enoent('mkdir', path);
    this.writableDir(parentOf(r.path), 'mkdir', path);
    const c = this.creds();
    r.mount.backend.put(r.rel, { kind: 'dir', mode, uid: c.uid, gid: c.gid, mtime: this.opts.now() });
  }

  async readdir(path: string): Promise<string[]> {
    return (await this.readdirWithFileTypes(path)).map((d) => d.name);
  }
  async readdirWithFileTypes(
    path: string,
  ): Promise<{ name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean }[]> {
    const r = this.resolve(path, true, 'scandir');
    if (!r.entry) throw enoent('scandir', path);
    if (r.entry.kind !== 'dir') throw err('ENOTDIR', 'not a directory', 'scandir', path);
    if (!this.allowed({ ...r.entry, mode: r.entry.mode | S_IFMT.dir }, 4)) throw eacces('scandir', path);
    return r.mount.backend
      .list(r.rel)
      .map((e) => ({ name: e.name, isFile: e.kind === 'file' || e.kind === 'device', isDirectory: e.kind === 'dir', isSymbolicLink: e.kind === 'symlink' }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    await this.writable(path);
    const r = this.resolve(path, false, 'rm');
    if (!r.entry) {
      if (options?.force) return;
      throw enoent('rm', path);
    }
    if (this.mounts.some((m) => m.point === r.path)) throw err('EBUSY', 'resource busy or locked', 'rm', path);
    if (r.entry.kind === 'dir' && !options?.recursive && r.mount.backend.list(r.rel).length > 0)
      throw err('ENOTEMPTY', 'directory not empty', 'rm', path);
    const dir = this.writableDir(parentOf(r.path), 'rm', path);
    const c = this.creds();
    // The sticky bit (/tmp): only the owner of a file (or of the directory) may remove it.
    if (dir.entry && dir.entry.mode & 0o1000 && c.uid !== 0 && c.uid !== r.entry.uid && c.uid !== dir.entry.uid)
      throw err('EPERM', 'operation not permitted', 'rm', path);
    r.mount.backend.remove(r.rel);
  }

  async cp(src: string, dest: string, options?: { recursive?: boolean }): Promise<void> {
    await this.writable(dest);
    const s = this.statSync(src, true);
    if (s.isDirectory) {
      if (!options?.recursive) throw err('EISDIR', 'illegal operation on a directory', 'cp', src);
      this.mkdirSync(dest, true, s.mode & 0o7777);
      for (const name of await this.readdir(src)) await this.cp(joinPath(normalizePath(src), name), joinPath(normalizePath(dest), name), options);
      return;
    }
    this.writeSync(dest, this.readSync(src), false, s.mode & 0o7777);
  }

  async mv(src: string, dest: string): Promise<void> {
    await this.writable(dest);
    const from = this.resolve(src, false, 'rename');
    if (!from.entry) throw enoent('rename', src);
    const to = this.resolve(dest, false, 'rename');
    if (from.path === to.path) return;
    if (to.path.startsWith(`${from.path}/`)) throw err('EINVAL', 'invalid argument', 'rename', src);
    this.writableDir(parentOf(from.path), 'rename', src);
    this.writableDir(parentOf(to.path), 'rename', dest);
    if (from.mount === to.mount) {
      from.mount.backend.rename(from.rel, to.rel);
      return;
    }
    // Across mounts a move is a copy and a delete, as mv does it.
    if (from.entry.kind === 'symlink') await this.symlink(from.entry.target ?? '', to.path);
    else await this.cp(from.path, to.path, { recursive: true });
    from.mount.backend.remove(from.rel);
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
  }

  getAllPaths(): string[] {
    const out: string[] = [];
    for (const m of this.mounts) {
      if (m.point === '/proc' || m.point === '/sys') continue;
      for (const p of m.backend.allPaths()) out.push(m.point === '/' ? p : p === '/' ? m.point : m.point + p);
    }
    return out;
  }

  async chmod(path: string, mode: number): Promise<void> {
    await this.writable(path);
    const r = this.resolve(path, true, 'chmod');
    if (!r.entry) throw enoent('chmod', path);
    const c = this.creds();
    if (c.uid !== 0 && c.uid !== r.entry.uid) throw err('EPERM', 'operation not permitted', 'chmod', path);
    if (r.mount.backend.readOnly) throw err('EROFS', 'read-only file system', 'chmod', path);
    r.mount.backend.setMeta(r.rel, { mode: mode & 0o7777 });
  }

  chownSync(path: string, uid: number | undefined, gid: number | undefined): void {
    const r = this.resolve(path, true, 'chown');
    if (!r.entry) throw enoent('chown', path);
    if (this.creds().uid !== 0) throw err('EPERM', 'operation not permitted', 'chown', path);
    r.mount.backend.setMeta(r.rel, { ...(uid !== undefined ? { uid } : {}), ...(gid !== undefined ? { gid } : {}) });
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    await this.writable(linkPath);
    const r = this.resolve(linkPath, false, 'symlink');
    if (r.entry) throw err('EEXIST', 'file already exists', 'symlink', linkPath);
    this.writableDir(parentOf(r.path), 'symlink', linkPath);
    const c = this.creds();
    r.mount.backend.put(r.rel, { kind: 'symlink', mode: 0o777, uid: c.uid, gid: c.gid, mtime: this.opts.now(), target });
  }

  /** Hard links are real where the backend has inodes (EFS); elsewhere they are stored as copies. */
  async link(existingPath: string, newPath: string): Promise<void> {
    await this.writable(newPath);
    const s = this.statSync(existingPath, true);
    if (s.isDirectory) throw err('EPERM', 'operation not permitted', 'link', existingPath);
    if (await this.exists(newPath)) throw err('EEXIST', 'file already exists', 'link', newPath);
    const from = this.resolve(existingPath, true, 'link');
    const to = this.resolve(newPath, false, 'link');
    if (from.mount === to.mount && from.mount.backend.link) {
      this.writableDir(parentOf(to.path), 'link', newPath);
      from.mount.backend.link(from.rel, to.rel);
      return;
    }
    this.writeSync(newPath, this.readSync(existingPath), false, s.mode & 0o7777);
  }

  async readlink(path: string): Promise<string> {
    const r = this.resolve(path, false, 'readlink');
    if (!r.entry) throw enoent('readlink', path);
    if (r.entry.kind !== 'symlink') throw err('EINVAL', 'invalid argument', 'readlink', path);
    return r.entry.target ?? '';
  }

  async realpath(path: string): Promise<string> {
    const r = this.resolve(path, true, 'realpath');
    if (!r.entry) throw enoent('realpath', path);
    return r.path;
  }

  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    await this.writable(path);
    const r = this.resolve(path, true, 'utime');
    if (!r.entry) throw enoent('utime', path);
    if (!this.allowed(r.entry, 2) && this.creds().uid !== r.entry.uid) throw eacces('utime', path);
    r.mount.backend.setMeta(r.rel, { mtime: mtime.getTime() });
  }
}
