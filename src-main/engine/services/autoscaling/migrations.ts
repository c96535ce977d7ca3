import type { Migration } from '../../store/store';

/**
 * Auto Scaling. Every table is scoped by account + region (its first two columns); rows answer
 * Describe* by name (AWS sorts groups and launch configurations by name).
 */
export const autoscalingMigrations: Migration[] = [
  {
    scope: 'autoscaling',
    version: 1,
    name: 'launch configurations, groups, instances, activities, policies, scheduled actions',
    up: `
      CREATE TABLE autoscaling_launch_configurations (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL,
        spec TEXT NOT NULL, created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE autoscaling_groups (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL,
        launch_configuration TEXT, launch_template TEXT,
        min_size INTEGER NOT NULL, max_size INTEGER NOT NULL, desired INTEGER NOT NULL, default_cooldown INTEGER NOT NULL,
        zones TEXT NOT NULL, subnets TEXT NOT NULL, target_groups TEXT NOT NULL, load_balancers TEXT NOT NULL,
        health_check_type TEXT NOT NULL, grace_period INTEGER NOT NULL, termination_policies TEXT NOT NULL,
        protect_new INTEGER NOT NULL, suspended TEXT NOT NULL, enabled_metrics TEXT NOT NULL,
        created_at INTEGER NOT NULL, deleting INTEGER NOT NULL DEFAULT 0,
        -- Why the desired capacity last changed: the first sentence of the next activity's cause.
        pending_cause TEXT, cooldown_until INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, region, name)
      );
      CREATE TABLE autoscaling_tags (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL,
        key TEXT NOT NULL, value TEXT NOT NULL, propagate INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, group_name, key)
      );
      -- lifecycle: Pending | InService | Terminating; health: Healthy | Unhealthy.
      CREATE TABLE autoscaling_instances (
        account_id TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, group_name TEXT NOT NULL,
        zone TEXT NOT NULL, instance_type TEXT NOT NULL, lifecycle TEXT NOT NULL, health TEXT NOT NULL,
        launch_configuration TEXT, launch_template TEXT, protected INTEGER NOT NULL,
        launched_at INTEGER NOT NULL, unhealthy_cause TEXT,
        PRIMARY KEY (account_id, region, instance_id)
      );
      CREATE TABLE autoscaling_activities (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, activity_id TEXT NOT NULL UNIQUE, group_name TEXT NOT NULL,
        description TEXT NOT NULL, cause TEXT NOT NULL, start_time INTEGER NOT NULL, end_time INTEGER,
        status TEXT NOT NULL, status_message TEXT, progress INTEGER NOT NULL, details TEXT NOT NULL
      );
      CREATE TABLE autoscaling_policies (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL UNIQUE,
        spec TEXT NOT NULL, alarms TEXT NOT NULL,
        PRIMARY KEY (account_id, region, group_name, name)
      );
      CREATE TABLE autoscaling_scheduled_actions (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL,
        start_time INTEGER, end_time INTEGER, recurrence TEXT, min_size INTEGER, max_size INTEGER, desired INTEGER,
        next_run INTEGER,
        PRIMARY KEY (account_id, region, group_name, name)
      );
    `,
  },
  {
    scope: 'autoscaling',
    version: 2,
    name: 'lifecycle hooks, their pending actions, and an outbox of notifications',
    up: `
      CREATE TABLE autoscaling_lifecycle_hooks (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT NOT NULL,
        transition TEXT NOT NULL, target_arn TEXT, role_arn TEXT, metadata TEXT,
        heartbeat_timeout INTEGER NOT NULL, default_result TEXT NOT NULL,
        PRIMARY KEY (account_id, region, group_name, name)
      );
      -- An instance held by a hook: result NULL while it waits (deadline = heartbeat, global_deadline = 100 heartbeats or 48 h).
      CREATE TABLE autoscaling_lifecycle_actions (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, hook_name TEXT NOT NULL,
        instance_id TEXT NOT NULL, transition TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
        started_at INTEGER NOT NULL, deadline INTEGER NOT NULL, global_deadline INTEGER NOT NULL, result TEXT,
        PRIMARY KEY (account_id, region, instance_id, hook_name)
      );
      -- Messages to SQS queues or SNS topics, sent by the reconciler after the transaction that wrote them.
      CREATE TABLE autoscaling_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL,
        target_arn TEXT NOT NULL, subject TEXT NOT NULL, message TEXT NOT NULL
      );
      -- 1 once an instance's terminating hooks have run (it may then terminate).
      ALTER TABLE autoscaling_instances ADD COLUMN hooks_done INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    scope: 'autoscaling',
    version: 3,
    name: 'instance refreshes',
    up: `
      -- status: Pending | InProgress | Successful | Cancelled; to_replace: the instances it started with (JSON ids).
      CREATE TABLE autoscaling_instance_refreshes (
        account_id TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, id TEXT NOT NULL,
        status TEXT NOT NULL, status_reason TEXT, preferences TEXT NOT NULL, to_replace TEXT NOT NULL,
        start_time INTEGER NOT NULL, end_time INTEGER,
        PRIMARY KEY (account_id, region, id)
      );
    `,
  },
];
