import type { Migration } from '../../store/store';

/**
 * CloudFormation state, scoped by account + region. A stack's resources carry the runner's
 * bookkeeping (what the current operation does to each, when its current step is due), so an
 * operation in flight resumes after a restart from these rows alone.
 */
export const cloudformationMigrations: Migration[] = [
  {
    scope: 'cloudformation',
    version: 1,
    name: 'stacks, resources, events, change sets',
    up: `
      -- Scope: account + region.
      CREATE TABLE cfn_stacks (
        stack_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT,
        description TEXT,
        template_body TEXT NOT NULL,
        processed_json TEXT NOT NULL,
        parameters_json TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        capabilities_json TEXT NOT NULL,
        notification_arns_json TEXT NOT NULL,
        outputs_json TEXT,
        disable_rollback INTEGER NOT NULL,
        on_failure TEXT NOT NULL,
        timeout_minutes INTEGER,
        termination_protection INTEGER NOT NULL DEFAULT 0,
        role_arn TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER,
        deleted_at INTEGER,
        -- The operation in flight: CREATE | UPDATE | DELETE | ROLLBACK | UPDATE_ROLLBACK; phase apply | cleanup.
        op TEXT,
        op_phase TEXT,
        op_started_at INTEGER,
        -- Before an update: the template, parameters and outputs to roll back to.
        previous_json TEXT,
        change_set_id TEXT,
        -- Export names the current template imports (Fn::ImportValue), for ListImports and DeleteStack.
        imports_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX cfn_stacks_by_name ON cfn_stacks (account_id, region, name, deleted_at);

      CREATE TABLE cfn_resources (
        stack_id TEXT NOT NULL REFERENCES cfn_stacks (stack_id) ON DELETE CASCADE,
        logical_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        physical_id TEXT,
        status TEXT NOT NULL,
        status_reason TEXT,
        decl_json TEXT NOT NULL,
        properties_json TEXT,
        attributes_json TEXT,
        deps_json TEXT NOT NULL,
        in_template INTEGER NOT NULL DEFAULT 1,
        simulated INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        -- apply phase: pending | starting | waiting | signals | done | failed
        phase TEXT,
        action TEXT,
        due_at INTEGER,
        started_at INTEGER,
        done_at INTEGER,
        signals_json TEXT NOT NULL DEFAULT '[]',
        old_json TEXT,
        -- cleanup phase: what to delete ({physicalId, type, properties, decl}[]) and how far it is.
        cleanup_json TEXT NOT NULL DEFAULT '[]',
        cphase TEXT,
        cdue_at INTEGER,
        PRIMARY KEY (stack_id, logical_id)
      );

      CREATE TABLE cfn_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        stack_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        time INTEGER NOT NULL,
        logical_id TEXT NOT NULL,
        physical_id TEXT,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        properties_json TEXT
      );
      CREATE INDEX cfn_events_by_stack ON cfn_events (stack_id, time, id);

      CREATE TABLE cfn_change_sets (
        change_set_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        region TEXT NOT NULL,
        stack_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT,
        execution_status TEXT NOT NULL,
        description TEXT,
        template_body TEXT NOT NULL,
        processed_json TEXT NOT NULL,
        parameters_json TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        capabilities_json TEXT NOT NULL,
        notification_arns_json TEXT NOT NULL,
        changes_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX cfn_change_sets_by_stack ON cfn_change_sets (stack_id, name);
    `,
  },
];
