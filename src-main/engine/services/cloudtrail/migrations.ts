import type { Migration } from '../../store/store';

/** CloudTrail trails (configuration; the events themselves are the core `events` table). Scope: account + region. */
export const cloudtrailMigrations: Migration[] = [
  {
    scope: 'cloudtrail',
    version: 1,
    name: 'trails',
    up: `
      CREATE TABLE ct_trails (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        config TEXT NOT NULL,        -- JSON of CreateTrail's input
        logging INTEGER NOT NULL,
        started_at INTEGER,
        stopped_at INTEGER,
        delivered_through INTEGER,   -- newest history id delivered to S3
        last_delivery INTEGER,
        last_delivery_error TEXT,
        PRIMARY KEY (account_id, region, name)
      );
    `,
  },
  {
    scope: 'cloudtrail',
    version: 2,
    name: 'response elements noted by calls',
    up: `
      CREATE TABLE ct_responses (
        request_id TEXT PRIMARY KEY,  -- the history row's request id
        account_id TEXT NOT NULL,
        time INTEGER NOT NULL,
        body TEXT NOT NULL            -- JSON, shaped per operation by responses.ts
      );
    `,
  },
];
