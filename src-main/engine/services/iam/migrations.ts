import type { Migration } from '../../store/store';

/**
 * IAM state. Scope: account (IAM is global: no region column). Names are unique per account
 * case-insensitively (name_lower). Access keys live in the core `access_keys` table, where SigV4
 * finds them. AWS managed policies are data (resources/iam/managed-policies.json), not rows.
 */
export const iamMigrations: Migration[] = [
  {
    scope: 'iam',
    version: 1,
    name: 'users, groups, roles, policies, instance profiles, MFA, account settings',
    up: `
      -- Bumped by every IAM write: the authorizer's cache of effective policies keys on it.
      CREATE TABLE iam_generation (account_id TEXT PRIMARY KEY, gen INTEGER NOT NULL);

      CREATE TABLE iam_users (
        account_id TEXT NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, name_lower TEXT NOT NULL,
        path TEXT NOT NULL, arn TEXT NOT NULL, created_at INTEGER NOT NULL, password_last_used INTEGER,
        UNIQUE (account_id, name_lower)
      );
      CREATE TABLE iam_groups (
        account_id TEXT NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, name_lower TEXT NOT NULL,
        path TEXT NOT NULL, arn TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (account_id, name_lower)
      );
      CREATE TABLE iam_group_members (
        group_id TEXT NOT NULL, user_id TEXT NOT NULL, added_at INTEGER NOT NULL, PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX iam_group_members_by_user ON iam_group_members (user_id);
      CREATE TABLE iam_roles (
        account_id TEXT NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, name_lower TEXT NOT NULL,
        path TEXT NOT NULL, arn TEXT NOT NULL, trust_policy TEXT NOT NULL, description TEXT,
        max_session_duration INTEGER NOT NULL, created_at INTEGER NOT NULL, last_used INTEGER, last_used_region TEXT,
        UNIQUE (account_id, name_lower)
      );
      -- Tags of users and roles (entity_id = AIDA…/AROA…).
      CREATE TABLE iam_tags (entity_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (entity_id, key));
      -- Inline policies of users, groups and roles; the entity id says which.
      CREATE TABLE iam_inline_policies (
        entity_id TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (entity_id, name)
      );
      -- Customer managed policies (AWS managed ones come from resources/iam).
      CREATE TABLE iam_policies (
        account_id TEXT NOT NULL, id TEXT PRIMARY KEY, arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        path TEXT NOT NULL, description TEXT, default_version TEXT NOT NULL, next_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE TABLE iam_policy_versions (
        policy_arn TEXT NOT NULL, version_id TEXT NOT NULL, document TEXT NOT NULL, created_at INTEGER NOT NULL,
        PRIMARY KEY (policy_arn, version_id)
      );
      -- Managed policies attached to users, groups and roles (AWS managed ones too, by ARN).
      CREATE TABLE iam_attachments (
        account_id TEXT NOT NULL, entity_id TEXT NOT NULL, entity_kind TEXT NOT NULL, policy_arn TEXT NOT NULL,
        PRIMARY KEY (entity_id, policy_arn)
      );
      CREATE INDEX iam_attachments_by_policy ON iam_attachments (account_id, policy_arn);
      CREATE TABLE iam_instance_profiles (
        account_id TEXT NOT NULL, id TEXT PRIMARY KEY, name TEXT NOT NULL, name_lower TEXT NOT NULL,
        path TEXT NOT NULL, arn TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (account_id, name_lower)
      );
      CREATE TABLE iam_instance_profile_roles (profile_id TEXT NOT NULL, role_id TEXT NOT NULL, PRIMARY KEY (profile_id, role_id));
      CREATE TABLE iam_login_profiles (
        user_id TEXT PRIMARY KEY, password_hash TEXT NOT NULL, reset_required INTEGER NOT NULL, created_at INTEGER NOT NULL
      );
      -- Virtual MFA devices. user_id: AIDA… of the IAM user, 'root' for the root user, NULL while unassigned.
      CREATE TABLE iam_mfa_devices (
        account_id TEXT NOT NULL, serial TEXT PRIMARY KEY, path TEXT NOT NULL, name TEXT NOT NULL, seed TEXT NOT NULL,
        user_id TEXT, enabled_at INTEGER, created_at INTEGER NOT NULL, last_step INTEGER
      );
      CREATE TABLE iam_account_settings (
        account_id TEXT PRIMARY KEY, alias TEXT UNIQUE, password_policy TEXT
      );
    `,
  },
];
