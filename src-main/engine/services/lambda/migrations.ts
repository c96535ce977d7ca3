import type { Migration } from '../../store/store';

/**
 * Lambda state. Scope: account + region. A function's $LATEST is its row in `lambda_functions`
 * (configuration as one JSON document, the deployment package as a blob); published versions copy
 * both into `lambda_versions`. The resource policy is a JSON array of statements.
 */
export const lambdaMigrations: Migration[] = [
  {
    scope: 'lambda',
    version: 1,
    name: 'functions, versions, aliases, event source mappings',
    up: `
      CREATE TABLE lambda_functions (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        config TEXT NOT NULL,
        code BLOB NOT NULL,
        code_sha TEXT NOT NULL,
        code_size INTEGER NOT NULL,
        revision_id TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '{}',
        policy TEXT NOT NULL DEFAULT '[]',
        reserved INTEGER,
        last_version INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE lambda_versions (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        config TEXT NOT NULL,
        code BLOB NOT NULL,
        code_sha TEXT NOT NULL,
        code_size INTEGER NOT NULL,
        revision_id TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name, version)
      );
      CREATE TABLE lambda_aliases (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        alias TEXT NOT NULL,
        version TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        revision_id TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name, alias)
      );
      CREATE TABLE lambda_event_source_mappings (
        uuid TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        function_arn TEXT NOT NULL,
        source_arn TEXT NOT NULL,
        batch_size INTEGER NOT NULL,
        enabled INTEGER NOT NULL,
        last_modified INTEGER NOT NULL
      );
    `,
  },
];
