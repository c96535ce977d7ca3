import type { Migration } from '../../store/store';

/**
 * Streams and their records. Scope: account + region (columns on ddb_streams; records hang off
 * their stream). A stream outlives its table and its disabling by 24 hours, so it keeps the table's
 * name and key schema and no foreign key to DynamoDB's tables; `table_id` is cleared when the table
 * goes. Records are appended by the dynamodb service in each item change's own transaction.
 */
export const dynamodbstreamsMigrations: Migration[] = [
  {
    scope: 'dynamodbstreams',
    version: 1,
    name: 'streams',
    up: `
      CREATE TABLE ddb_streams (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        arn TEXT NOT NULL UNIQUE,
        table_id INTEGER,
        table_name TEXT NOT NULL,
        label TEXT NOT NULL,
        view_type TEXT NOT NULL,
        key_schema TEXT NOT NULL,
        shard_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        disabled_at INTEGER,
        last_seq INTEGER NOT NULL DEFAULT 0,
        trimmed_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX ddb_streams_by_table ON ddb_streams (account_id, region, table_name);
      CREATE INDEX ddb_streams_live ON ddb_streams (table_id) WHERE disabled_at IS NULL;
      CREATE TABLE ddb_stream_records (
        stream_id INTEGER NOT NULL REFERENCES ddb_streams(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (stream_id, seq)
      ) WITHOUT ROWID;
    `,
  },
];
