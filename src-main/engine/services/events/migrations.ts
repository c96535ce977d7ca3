import type { Migration } from '../../store/store';

/** EventBridge rules (default bus) and their targets. Scope: account + region. */
export const eventsMigrations: Migration[] = [
  {
    scope: 'events',
    version: 1,
    name: 'rules and targets',
    up: `
      CREATE TABLE ev_rules (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        bus TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        description TEXT,
        schedule TEXT,
        pattern TEXT,
        state TEXT NOT NULL,
        role_arn TEXT,
        managed_by TEXT,
        next_fire INTEGER,           -- rate() rules: when the schedule fires next
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, bus, name)
      );
      CREATE TABLE ev_targets (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        bus TEXT NOT NULL,
        rule TEXT NOT NULL,
        id TEXT NOT NULL,
        arn TEXT NOT NULL,
        spec TEXT NOT NULL,          -- JSON of the Target as given (Input, InputPath, InputTransformer...)
        PRIMARY KEY (account_id, region, bus, rule, id)
      );
      CREATE TABLE ev_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), last_event INTEGER NOT NULL);
    `,
  },
];
