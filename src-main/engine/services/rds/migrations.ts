import type { Migration } from '../../store/store';

/**
 * RDS: subnet groups, DB instances and snapshots (scope: account + region). An instance's data lives
 * outside SQLite, in its engine's folder (`<data dir>/engines/<resource_id>/`); a snapshot's in
 * `<data dir>/engines/_snapshots/<snapshot resource id>/`. Status changes are due times
 * (`status_until` → `next_status`) on the simulated clock.
 */
export const rdsMigrations: Migration[] = [
  {
    scope: 'rds',
    version: 1,
    name: 'subnet groups, instances, snapshots',
    up: `
      CREATE TABLE rds_subnet_groups (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        subnets TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE rds_instances (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        resource_id TEXT NOT NULL UNIQUE,
        engine TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        instance_class TEXT NOT NULL,
        allocated_storage INTEGER NOT NULL,
        storage_type TEXT NOT NULL,
        master_username TEXT NOT NULL,
        master_password TEXT NOT NULL,
        db_name TEXT,
        port INTEGER NOT NULL,
        subnet_group TEXT,
        vpc_id TEXT,
        security_groups TEXT NOT NULL,
        availability_zone TEXT,
        publicly_accessible INTEGER NOT NULL,
        multi_az INTEGER NOT NULL,
        backup_retention INTEGER NOT NULL,
        backup_window TEXT NOT NULL,
        maintenance_window TEXT NOT NULL,
        deletion_protection INTEGER NOT NULL,
        eni_id TEXT,
        private_ip TEXT,
        status TEXT NOT NULL,
        status_until INTEGER,
        next_status TEXT,
        created_at INTEGER NOT NULL,
        tags TEXT NOT NULL,
        extra TEXT NOT NULL,
        PRIMARY KEY (account_id, region, id)
      );
      CREATE INDEX rds_instances_by_eni ON rds_instances (eni_id);
      CREATE TABLE rds_snapshots (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        resource_id TEXT NOT NULL UNIQUE,
        instance_id TEXT NOT NULL,
        instance_resource_id TEXT NOT NULL,
        snapshot_type TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        instance TEXT NOT NULL,
        tags TEXT NOT NULL,
        PRIMARY KEY (account_id, region, id)
      );
    `,
  },
  {
    scope: 'rds',
    version: 2,
    name: 'events, parameter groups',
    up: `
      CREATE TABLE rds_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        source_id TEXT NOT NULL,
        source_type TEXT NOT NULL,
        at INTEGER NOT NULL,
        message TEXT NOT NULL,
        categories TEXT NOT NULL,
        event_id TEXT NOT NULL
      );
      CREATE INDEX rds_events_by_time ON rds_events (account_id, region, at);
      CREATE TABLE rds_parameter_groups (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        family TEXT NOT NULL,
        description TEXT NOT NULL,
        params TEXT NOT NULL,
        tags TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
    `,
  },
];
