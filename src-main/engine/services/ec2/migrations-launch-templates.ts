import type { Migration } from '../../store/store';

/**
 * Launch templates (scope 'ec2-launch-templates'): a template row and its numbered versions, each
 * version's data kept as the JSON the client sent (RunInstances' shape). Scoped by account + region.
 */
export const launchTemplateMigrations: Migration[] = [
  {
    scope: 'ec2-launch-templates',
    version: 1,
    name: 'launch templates and their versions',
    up: `
      CREATE TABLE ec2_launch_templates (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL, region TEXT NOT NULL,
        template_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        default_version INTEGER NOT NULL, latest_version INTEGER NOT NULL,
        created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
        UNIQUE (account_id, region, name)
      );
      CREATE TABLE ec2_launch_template_versions (
        template_id TEXT NOT NULL REFERENCES ec2_launch_templates (template_id) ON DELETE CASCADE,
        version INTEGER NOT NULL, description TEXT, data TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
        PRIMARY KEY (template_id, version)
      );
    `,
  },
];
