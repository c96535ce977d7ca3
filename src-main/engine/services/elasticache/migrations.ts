import type { Migration } from '../../store/store';

/**
 * ElastiCache state. Scope: account + region. A cluster's nodes each own a network interface in
 * EC2 (created through call(), so the network model sees them) and a Redis data plane under the
 * supervisor (`<data dir>/engines/<engine id>/`). `next_step`/`next_at` drive the lifecycle on the
 * simulated clock and resume after a restart.
 */
export const elasticacheMigrations: Migration[] = [
  {
    scope: 'elasticache',
    version: 1,
    name: 'subnet groups, clusters, nodes, snapshots',
    up: `
      CREATE TABLE elasticache_subnet_groups (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        subnets TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE elasticache_clusters (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        id TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        node_type TEXT NOT NULL,
        num_nodes INTEGER NOT NULL,
        status TEXT NOT NULL,
        subnet_group TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        security_groups TEXT NOT NULL,
        port INTEGER NOT NULL,
        parameter_group TEXT NOT NULL,
        maintenance_window TEXT NOT NULL,
        snapshot_retention INTEGER NOT NULL,
        snapshot_window TEXT NOT NULL,
        auth_token TEXT,
        endpoint_tag TEXT NOT NULL,
        seed_snapshot TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        next_step TEXT,
        next_at INTEGER,
        PRIMARY KEY (account_id, region, id)
      );
      CREATE TABLE elasticache_nodes (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        az TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        eni_id TEXT,
        ip TEXT,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, cluster_id, node_id)
      );
      CREATE INDEX elasticache_nodes_by_eni ON elasticache_nodes (eni_id);
      CREATE TABLE elasticache_snapshots (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL,
        node_type TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        port INTEGER NOT NULL,
        subnet_group TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        data TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
    `,
  },
  {
    scope: 'elasticache',
    version: 2,
    name: 'parameter groups',
    up: `
      CREATE TABLE elasticache_parameter_groups (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        family TEXT NOT NULL,
        description TEXT NOT NULL,
        overrides TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
    `,
  },
];
