import type { Migration } from '../../store/store';

/**
 * EFS state. File systems, mount targets and access points are scoped by account + region. A file
 * system's files are shared rows (`efs_entries` name → `efs_inodes`), read and written live by every
 * guest that mounts it: hard links are two entries of one inode, a rename is one transaction.
 * `efs_io` counts what guests moved per simulated minute, for the CloudWatch metrics; the burst
 * credit balance lives on the file system's row and is brought up to date whenever it is used.
 */
export const efsMigrations: Migration[] = [
  {
    scope: 'elasticfilesystem',
    version: 1,
    name: 'file systems, mount targets, access points, files, io',
    up: `
      CREATE TABLE efs_file_systems (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        creation_token TEXT NOT NULL,
        performance_mode TEXT NOT NULL,
        throughput_mode TEXT NOT NULL,
        provisioned_mibps REAL,
        encrypted INTEGER NOT NULL,
        kms_key_id TEXT,
        az_name TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        lifecycle TEXT NOT NULL DEFAULT '[]',
        backup TEXT NOT NULL DEFAULT 'DISABLED',
        policy TEXT,
        created_at INTEGER NOT NULL,
        available_at INTEGER NOT NULL,
        throughput_changed_at INTEGER,
        credits REAL NOT NULL,
        credits_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, id)
      );
      CREATE UNIQUE INDEX efs_file_systems_by_token ON efs_file_systems (account_id, region, creation_token);
      CREATE TABLE efs_mount_targets (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        fs_id TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        az TEXT NOT NULL,
        ip TEXT NOT NULL,
        eni_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        available_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, id)
      );
      CREATE INDEX efs_mount_targets_by_fs ON efs_mount_targets (account_id, region, fs_id);
      CREATE INDEX efs_mount_targets_by_ip ON efs_mount_targets (ip);
      CREATE TABLE efs_access_points (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        fs_id TEXT NOT NULL,
        client_token TEXT NOT NULL,
        posix_user TEXT,
        root_directory TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, id)
      );
      CREATE TABLE efs_inodes (
        fs_id TEXT NOT NULL,
        ino INTEGER NOT NULL,
        kind TEXT NOT NULL,
        mode INTEGER NOT NULL,
        uid INTEGER NOT NULL,
        gid INTEGER NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime INTEGER NOT NULL,
        content BLOB,
        target TEXT,
        zero_fill INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (fs_id, ino)
      );
      CREATE TABLE efs_entries (
        fs_id TEXT NOT NULL,
        path TEXT NOT NULL,
        parent TEXT NOT NULL,
        ino INTEGER NOT NULL,
        PRIMARY KEY (fs_id, path)
      );
      CREATE INDEX efs_entries_by_parent ON efs_entries (fs_id, parent);
      CREATE INDEX efs_entries_by_ino ON efs_entries (fs_id, ino);
      CREATE TABLE efs_io (
        fs_id TEXT NOT NULL,
        minute INTEGER NOT NULL,
        read_bytes REAL NOT NULL DEFAULT 0,
        write_bytes REAL NOT NULL DEFAULT 0,
        metadata_bytes REAL NOT NULL DEFAULT 0,
        ops INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (fs_id, minute)
      );
    `,
  },
];
