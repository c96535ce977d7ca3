/**
 * The NFS server behind a mount target, as guests mount it (wired into the guests' host by
 * engine/terminals.ts): the export is the file system's shared files (state/files.ts), or the
 * root directory of an access point (`accesspoint=fsap-…`, created on first mount with its
 * CreationInfo). Clients still mounted (the guest says whether it is) are CloudWatch's ClientConnections.
 */
import type { NfsExport } from '../../guest/types';
import type { RootDirectory } from '../../models/generated/elasticfilesystem';
import { runtime } from './runtime';
import type { ApRow } from './state/access-points';
import type { FsRow } from './state/file-systems';
import { createFilesBackend } from './state/files';
import type { MtRow } from './state/mount-targets';
import { subtreeBackend } from './state/subtree';

/** EFS reports 8 EiB of space to NFS clients (df -h shows 8.0E). */
export const EFS_CAPACITY = 2 ** 63;

const connections = new Map<string, Set<() => boolean>>();
/** Clients mounted now; those that unmounted or stopped are forgotten. */
export function clientConnections(fsId: string): number {
  const set = connections.get(fsId);
  if (!set) return 0;
  for (const alive of set) if (!alive()) set.delete(alive);
  return set.size;
}

export interface NfsClient {
  accountId: string;
  region: string;
}

export function nfsExport(client: NfsClient, address: string, path: string, options: string, mounted: () => boolean): NfsExport | string | undefined {
  const r = runtime();
  if (!r) return undefined;
  const { store, clock } = r;
  const mt = store
    .stmt('SELECT * FROM efs_mount_targets WHERE ip = ? AND account_id = ? AND region = ?')
    .get(address, client.accountId, client.region) as MtRow | undefined;
  if (!mt) return undefined;
  const fs = store.stmt('SELECT * FROM efs_file_systems WHERE account_id = ? AND region = ? AND id = ?').get(mt.account_id, mt.region, mt.fs_id) as FsRow | undefined;
  if (!fs) return 'mount.nfs4: Connection refused';
  const now = () => clock.now();
  const files = createFilesBackend(store, fs.id, now);
  let root = path.replace(/\/+$/, '') || '/';
  const apId = /(?:^|,)accesspoint=(fsap-[0-9a-f]+)/.exec(options)?.[1];
  if (apId) {
    const ap = store.stmt('SELECT * FROM efs_access_points WHERE account_id = ? AND region = ? AND id = ?').get(fs.account_id, fs.region, apId) as ApRow | undefined;
    if (!ap || ap.fs_id !== fs.id) return `mount.nfs4: access denied by server while mounting ${fs.id}:${path}`;
    const dir = (JSON.parse(ap.root_directory ?? '{}') as RootDirectory).Path ?? '/';
    ensureRoot(files, dir, JSON.parse(ap.root_directory ?? '{}') as RootDirectory, clock.now());
    root = dir === '/' ? root : root === '/' ? dir : `${dir}${root}`;
  }
  const top = files.get(root);
  if (!top || top.kind !== 'dir') return `mount.nfs4: mounting ${fs.id}:${path} failed, reason given by server: No such file or directory`;
  const set = connections.get(fs.id) ?? new Set();
  connections.set(fs.id, set.add(mounted));
  return { backend: subtreeBackend(files, root), capacityBytes: EFS_CAPACITY };
}

/** An access point's root directory appears on first use, owned and moded as its CreationInfo says. */
function ensureRoot(files: ReturnType<typeof createFilesBackend>, dir: string, root: RootDirectory, now: number): void {
  if (dir === '/' || files.get(dir)) return;
  const info = root.CreationInfo;
  if (!info) return;
  let at = '';
  for (const part of dir.split('/').filter(Boolean)) {
    at += `/${part}`;
    if (files.get(at)) continue;
    const last = at === dir;
    files.put(at, { kind: 'dir', mode: last ? Number.parseInt(info.Permissions, 8) : 0o755, uid: last ? info.OwnerUid : 0, gid: last ? info.OwnerGid : 0, mtime: now });
  }
}
