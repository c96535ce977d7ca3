import type { Migration } from '../../store/store';

/**
 * Classic Load Balancers: the learner-facing record (listeners, health check, instances,
 * attributes, tags). Nodes, listeners' forwarding and health state live in the hidden v2 rows it
 * names (`backing_arn`, elasticloadbalancingv2/classic-backing.ts). Scoped by account + region.
 */
export const elbMigrations: Migration[] = [
  {
    scope: 'elasticloadbalancing',
    version: 1,
    name: 'classic load balancers and their tags',
    up: `
      CREATE TABLE elb_load_balancers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
        backing_arn TEXT NOT NULL UNIQUE, dns_name TEXT NOT NULL, scheme TEXT NOT NULL, vpc_id TEXT NOT NULL,
        subnets TEXT NOT NULL, zones TEXT NOT NULL, security_groups TEXT NOT NULL,
        listeners TEXT NOT NULL, health_check TEXT NOT NULL, instances TEXT NOT NULL, attributes TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (account_id, region, name)
      );
      CREATE TABLE elb_tags (
        account_id TEXT NOT NULL, region TEXT NOT NULL, lb_name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (account_id, region, lb_name, key)
      );
    `,
  },
];
