import type { Migration } from '../../store/store';

/**
 * Scalable targets, their policies and the activities scaling recorded. Scope: account + region.
 * A policy's configuration is kept as the JSON the caller sent (TargetTracking/StepScaling).
 */
export const applicationAutoscalingMigrations: Migration[] = [
  {
    scope: 'application-autoscaling',
    version: 1,
    name: 'targets, policies, activities',
    up: `
      CREATE TABLE aas_targets (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        namespace TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        dimension TEXT NOT NULL,
        min_capacity INTEGER NOT NULL,
        max_capacity INTEGER NOT NULL,
        role_arn TEXT NOT NULL,
        arn TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        suspended TEXT,
        PRIMARY KEY (account_id, region, namespace, resource_id, dimension)
      );
      CREATE TABLE aas_policies (
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        namespace TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        dimension TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        type TEXT NOT NULL,
        config TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_scale_out INTEGER,
        last_scale_in INTEGER,
        PRIMARY KEY (account_id, region, namespace, resource_id, dimension, name)
      );
      CREATE TABLE aas_activities (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        namespace TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        dimension TEXT NOT NULL,
        description TEXT NOT NULL,
        cause TEXT NOT NULL,
        status TEXT NOT NULL,
        status_message TEXT,
        start_time INTEGER NOT NULL,
        end_time INTEGER
      );
      CREATE INDEX aas_activities_by_target ON aas_activities (account_id, region, namespace, resource_id, start_time);
    `,
  },
];
