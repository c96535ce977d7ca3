/** A file system's metered size, read by the files, the throughput model, describes and metrics alike. */
import type { Store } from '../../../store/store';

/** What an empty file system meters: its root directory's metadata. */
const EMPTY_FS_BYTES = 6144;

/** Metered size: each file in 4 KiB blocks (once, however many names it has), 4 KiB per directory. */
export function meteredBytes(store: Store, fsId: string): number {
  const r = store
    .stmt(
      `SELECT COALESCE(SUM(CASE kind WHEN 'dir' THEN 4096 ELSE ((size_bytes + 4095) / 4096) * 4096 END), 0) AS used
         FROM efs_inodes WHERE fs_id = ? AND ino <> 1`,
    )
    .get(fsId) as { used: number };
  return EMPTY_FS_BYTES + r.used;
}
