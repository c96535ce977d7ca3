import type { Migration } from '../store/store';

/**
 * Guest disks. A volume's data id is stable for the life of the EBS volume (and copied by snapshots),
 * so files are keyed by it, not by the instance. Scope: partition (data ids are globally unique).
 */
export const guestMigrations: Migration[] = [
  {
    scope: 'guest',
    version: 1,
    name: 'guest volumes and files',
    up: `
      -- One row per disk the lab has seen: its filesystem (NULL = never formatted) and capacity.
      CREATE TABLE guest_volumes (
        data_id TEXT PRIMARY KEY,
        fs_type TEXT,
        size_bytes INTEGER NOT NULL,
        base_used_bytes INTEGER NOT NULL DEFAULT 0,
        seeded_from TEXT,
        created_at INTEGER NOT NULL
      );

      -- One row per path on a volume. Paths are absolute within the volume ('/' is its root).
      -- zero_fill: the file is size_bytes of zeros without stored content (dd if=/dev/zero).
      CREATE TABLE guest_files (
        data_id TEXT NOT NULL,
        path TEXT NOT NULL,
        parent TEXT NOT NULL,
        kind TEXT NOT NULL,
        mode INTEGER NOT NULL,
        uid INTEGER NOT NULL,
        gid INTEGER NOT NULL,
        size_bytes INTEGER NOT NULL DEFAULT 0,
        mtime INTEGER NOT NULL,
        content BLOB,
        target TEXT,
        zero_fill INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (data_id, path)
      );
      CREATE INDEX guest_files_by_parent ON guest_files (data_id, parent);
    `,
  },
];
