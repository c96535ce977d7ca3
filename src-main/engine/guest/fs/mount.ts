/** The guest filesystem's mount table entries, the credentials it checks, the stat it returns. */
import type { EntryKind, FsBackend } from './backend';

export interface Credentials {
  uid: number;
  gid: number;
  groups: readonly number[];
}

export interface Mount {
  /** Absolute mount point in the guest ('/', '/mnt/volume', '/proc'). */
  point: string;
  backend: FsBackend;
  /** What df and mount show as the source ('/dev/xvda1', 'proc', 'fs-1234.efs…:/'). */
  source: string;
  fsType: string;
  /** Capacity for df and ENOSPC; undefined for virtual filesystems. */
  capacityBytes?: number;
  options: string;
}

export interface FsStatFull {
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  mode: number;
  size: number;
  mtime: Date;
  uid: number;
  gid: number;
  kind: EntryKind;
  device?: string;
}

