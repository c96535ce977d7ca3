/**
 * What a mounted filesystem offers the guest's path layer: raw entries addressed by normalized
 * paths relative to the mount's root ('/' is the root), no symlink following (the path layer does
 * that across mounts), no permission checks (the path layer knows the user).
 */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'device';

export interface RawEntry {
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  target?: string;
  /** For 'device' entries: the device's name under /dev. */
  device?: string;
  /** The inode, where names may share one (hard links on a shared EFS file system). */
  ino?: number;
}

export interface NewEntry {
  kind: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content?: Uint8Array;
  target?: string;
}

export interface FsBackend {
  /** Set on filesystems nothing may change (/proc, a read-only mount). */
  readonly readOnly?: boolean;
  get(path: string): RawEntry | undefined;
  read(path: string): Uint8Array;
  list(dir: string): { name: string; kind: EntryKind }[];
  put(path: string, entry: NewEntry): void;
  write(path: string, content: Uint8Array, mtime: number, append: boolean): void;
  /** A file of `size` zero bytes without storing them (dd if=/dev/zero). */
  writeZeros?(path: string, size: number, mtime: number): void;
  setMeta(path: string, meta: { mode?: number; uid?: number; gid?: number; mtime?: number }): void;
  /** Removes the entry and, for a directory, everything under it. */
  remove(path: string): void;
  /** Moves an entry (and its subtree) within this backend. */
  rename(from: string, to: string): void;
  /** Every path on the backend (glob expansion). */
  allPaths(): string[];
  /** Bytes used, for df. */
  usedBytes(): number;
  /** Identity of the filesystem itself, the same in every guest that mounts it (flock keys on it). */
  readonly id?: string;
  /** A second name for the same file (a real hard link); without it, GuestFs copies. */
  link?(existing: string, newPath: string): void;
  /** A large sequential transfer (dd): how many simulated seconds it takes on this filesystem. */
  transfer?(direction: 'read' | 'write', bytes: number): number;
}

/** '/a/b/../c/' → '/a/c'. '..' above the root stays at the root, as in Linux. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export const parentOf = (path: string): string => {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
};

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export const joinPath = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);
