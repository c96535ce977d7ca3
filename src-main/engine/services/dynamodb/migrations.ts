import type { Migration } from '../../store/store';

/**
 * DynamoDB tables and items. Scope: account + region. A table's definition is one JSON document
 * (it changes as a whole through UpdateTable); item counters are columns so writes keep them exact.
 * Items are rows keyed by (table, hash key, range key) in a sortable text encoding (values.ts), so
 * Query walks SQLite's primary key in DynamoDB's order. `hh` is a hash of the hash key: Scan walks
 * (hh, hk, rk), which spreads partitions like DynamoDB and gives parallel-scan segments as ranges.
 * Secondary indexes are rows of index keys that point back at the item.
 */
export const dynamodbMigrations: Migration[] = [
  {
    scope: 'dynamodb',
    version: 1,
    name: 'tables and items',
    up: `
      CREATE TABLE ddb_tables (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        spec TEXT NOT NULL,
        item_count INTEGER NOT NULL DEFAULT 0,
        size_bytes INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, region, name)
      );
      CREATE TABLE ddb_items (
        table_id INTEGER NOT NULL REFERENCES ddb_tables(id) ON DELETE CASCADE,
        hk TEXT NOT NULL,
        rk TEXT NOT NULL,
        hh INTEGER NOT NULL,
        item TEXT NOT NULL,
        size INTEGER NOT NULL,
        ttl INTEGER,
        PRIMARY KEY (table_id, hk, rk)
      ) WITHOUT ROWID;
      CREATE INDEX ddb_items_scan ON ddb_items (table_id, hh, hk, rk);
      CREATE INDEX ddb_items_ttl ON ddb_items (table_id, ttl) WHERE ttl IS NOT NULL;
      CREATE TABLE ddb_index_keys (
        table_id INTEGER NOT NULL REFERENCES ddb_tables(id) ON DELETE CASCADE,
        idx TEXT NOT NULL,
        ihk TEXT NOT NULL,
        irk TEXT NOT NULL,
        hk TEXT NOT NULL,
        rk TEXT NOT NULL,
        PRIMARY KEY (table_id, idx, ihk, irk, hk, rk)
      ) WITHOUT ROWID;
    `,
  },
];
