import type { Migration } from '../store/store';

/** Tables every service relies on: lab identity, access keys and the event history. */
export const coreMigrations: Migration[] = [
  {
    scope: 'core',
    version: 1,
    name: 'lab meta, access keys, event history',
    up: `
      CREATE TABLE lab_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Scope: global (access key ids are unique across AWS). The IAM issue adds users and roles.
      CREATE TABLE access_keys (
        access_key_id TEXT PRIMARY KEY,
        secret_access_key TEXT NOT NULL,
        account_id TEXT NOT NULL,
        principal_type TEXT NOT NULL,        -- root | user | assumed-role
        principal_arn TEXT NOT NULL,
        user_id TEXT NOT NULL,
        session_token TEXT,
        status TEXT NOT NULL DEFAULT 'Active',
        created_at INTEGER NOT NULL,
        expires_at INTEGER
      );

      -- Scope: account + region. One row per call, for the CloudTrail-like history.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        time INTEGER NOT NULL,
        source TEXT NOT NULL,
        principal_arn TEXT NOT NULL,
        access_key_id TEXT,
        service TEXT NOT NULL,
        operation TEXT NOT NULL,
        request_id TEXT NOT NULL,
        source_ip TEXT,
        user_agent TEXT,
        error_code TEXT,
        error_message TEXT,
        request_parameters TEXT
      );
      CREATE INDEX events_by_time ON events (account_id, time);
    `,
  },
];
