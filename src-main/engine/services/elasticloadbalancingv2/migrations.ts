import type { Migration } from '../../store/store';

/**
 * Application Load Balancers. Every table is scoped by account + region (its first two columns);
 * rows answer Describe* in creation order (`id`). A load balancer's nodes are its addresses in each
 * of its subnets (AWS's per-zone ENIs): the network model sees them as interfaces with the load
 * balancer's security groups.
 */
export const elbv2Migrations: Migration[] = [
  {
    scope: 'elasticloadbalancingv2',
    version: 1,
    name: 'load balancers, nodes, target groups, targets, listeners, rules, tags',
    up: `
      CREATE TABLE elbv2_load_balancers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL, dns_name TEXT NOT NULL UNIQUE,
        scheme TEXT NOT NULL, type TEXT NOT NULL, vpc_id TEXT NOT NULL, ip_address_type TEXT NOT NULL,
        security_groups TEXT NOT NULL, attributes TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (account_id, region, name)
      );
      CREATE TABLE elbv2_nodes (
        lb_arn TEXT NOT NULL REFERENCES elbv2_load_balancers (arn) ON DELETE CASCADE,
        node_id TEXT NOT NULL UNIQUE,
        subnet_id TEXT NOT NULL, zone TEXT NOT NULL, private_ip TEXT NOT NULL, public_ip TEXT,
        PRIMARY KEY (lb_arn, subnet_id)
      );
      CREATE INDEX elbv2_nodes_by_private ON elbv2_nodes (private_ip);
      CREATE INDEX elbv2_nodes_by_public ON elbv2_nodes (public_ip);
      CREATE TABLE elbv2_public_ip_seq (region TEXT PRIMARY KEY, next INTEGER NOT NULL);
      CREATE TABLE elbv2_target_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        protocol TEXT, port INTEGER, vpc_id TEXT, target_type TEXT NOT NULL, protocol_version TEXT,
        hc_enabled INTEGER NOT NULL, hc_protocol TEXT, hc_port TEXT NOT NULL, hc_path TEXT,
        hc_interval INTEGER NOT NULL, hc_timeout INTEGER NOT NULL, healthy_threshold INTEGER NOT NULL,
        unhealthy_threshold INTEGER NOT NULL, matcher TEXT NOT NULL, attributes TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (account_id, region, name)
      );
      -- One row per registered target. state: initial | healthy | unhealthy | unused | draining.
      CREATE TABLE elbv2_targets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tg_arn TEXT NOT NULL REFERENCES elbv2_target_groups (arn) ON DELETE CASCADE,
        target_id TEXT NOT NULL, port INTEGER NOT NULL, zone TEXT,
        state TEXT NOT NULL, reason TEXT, description TEXT,
        passes INTEGER NOT NULL DEFAULT 0, fails INTEGER NOT NULL DEFAULT 0,
        registered_at INTEGER NOT NULL, next_check_at INTEGER NOT NULL, draining_until INTEGER,
        UNIQUE (tg_arn, target_id, port)
      );
      CREATE TABLE elbv2_listeners (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        arn TEXT NOT NULL UNIQUE,
        lb_arn TEXT NOT NULL REFERENCES elbv2_load_balancers (arn) ON DELETE CASCADE,
        port INTEGER NOT NULL, protocol TEXT NOT NULL, ssl_policy TEXT, certificates TEXT NOT NULL,
        default_actions TEXT NOT NULL,
        UNIQUE (lb_arn, port)
      );
      -- Non-default rules; the default rule of a listener is its default_actions.
      CREATE TABLE elbv2_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        arn TEXT NOT NULL UNIQUE,
        listener_arn TEXT NOT NULL REFERENCES elbv2_listeners (arn) ON DELETE CASCADE,
        priority INTEGER NOT NULL, conditions TEXT NOT NULL, actions TEXT NOT NULL,
        UNIQUE (listener_arn, priority)
      );
      -- Requests the data plane served, per load balancer (and target group) and simulated minute: CloudWatch's source.
      CREATE TABLE elbv2_request_counts (
        account_id TEXT NOT NULL, region TEXT NOT NULL, lb_arn TEXT NOT NULL, tg_arn TEXT NOT NULL, minute INTEGER NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0, target_2xx INTEGER NOT NULL DEFAULT 0, target_4xx INTEGER NOT NULL DEFAULT 0,
        target_5xx INTEGER NOT NULL DEFAULT 0, elb_5xx INTEGER NOT NULL DEFAULT 0, target_ms INTEGER NOT NULL DEFAULT 0, target_responses INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (lb_arn, tg_arn, minute)
      );
      CREATE TABLE elbv2_tags (
        resource_arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (resource_arn, key)
      );
    `,
  },
];
