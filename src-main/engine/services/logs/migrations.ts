import type { Migration } from '../../store/store';

/** CloudWatch Logs: groups, streams, events, metric filters. Scope: account + region. */
export const logsMigrations: Migration[] = [
  {
    scope: 'logs',
    version: 1,
    name: 'groups, streams, events, metric filters',
    up: `
      CREATE TABLE logs_groups (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        retention_days INTEGER,
        kms_key_id TEXT,
        tags TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE logs_streams (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        grp TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        first_ts INTEGER,
        last_ts INTEGER,
        last_ingest INTEGER,
        seq INTEGER NOT NULL DEFAULT 0,
        stored_bytes INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, region, grp, name)
      );
      CREATE TABLE logs_events (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        grp TEXT NOT NULL,
        stream TEXT NOT NULL,
        ts INTEGER NOT NULL,
        ingest INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX logs_events_by_stream ON logs_events (account_id, region, grp, stream, ts, id);
      CREATE INDEX logs_events_by_group ON logs_events (account_id, region, grp, ts, id);
      CREATE TABLE logs_metric_filters (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        grp TEXT NOT NULL,
        name TEXT NOT NULL,
        pattern TEXT NOT NULL,
        transformations TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, grp, name)
      );
    `,
  },
];
