/** Change sets: a prepared template + parameters and the changes executing it would make. */
import type { Store } from '../../../store/store';

export interface ChangeSetRow {
  change_set_id: string;
  account_id: string;
  region: string;
  stack_id: string;
  name: string;
  type: string;
  status: string;
  status_reason: string | null;
  execution_status: string;
  description: string | null;
  template_body: string;
  processed_json: string;
  parameters_json: string;
  tags_json: string;
  capabilities_json: string;
  notification_arns_json: string;
  changes_json: string;
  created_at: number;
}

export function insertChangeSet(store: Store, row: ChangeSetRow): void {
  const cols = Object.keys(row);
  store.stmt(`INSERT INTO cfn_change_sets (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** By ARN, or by name within a stack (name or id). */
export function findChangeSet(store: Store, accountId: string, region: string, nameOrArn: string, stackNameOrId?: string): ChangeSetRow | undefined {
  if (nameOrArn.startsWith('arn:')) {
    return store.stmt('SELECT * FROM cfn_change_sets WHERE change_set_id = ? AND account_id = ?').get(nameOrArn, accountId) as ChangeSetRow | undefined;
  }
  if (stackNameOrId === undefined) return undefined;
  const rows = store
    .stmt(
      `SELECT c.* FROM cfn_change_sets c JOIN cfn_stacks s ON s.stack_id = c.stack_id
       WHERE c.account_id = ? AND c.region = ? AND c.name = ? AND (s.stack_id = ? OR (s.name = ? AND s.deleted_at IS NULL))`,
    )
    .all(accountId, region, nameOrArn, stackNameOrId, stackNameOrId) as ChangeSetRow[];
  return rows[0];
}

export const listChangeSets = (store: Store, stackId: string): ChangeSetRow[] =>
  store.stmt('SELECT * FROM cfn_change_sets WHERE stack_id = ? ORDER BY created_at, rowid').all(stackId) as ChangeSetRow[];

export const deleteChangeSet = (store: Store, id: string): void => {
  store.stmt('DELETE FROM cfn_change_sets WHERE change_set_id = ?').run(id);
};

export const updateChangeSet = (store: Store, id: string, patch: Partial<ChangeSetRow>): void => {
  const cols = Object.keys(patch);
  store.stmt(`UPDATE cfn_change_sets SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE change_set_id = @change_set_id`).run({ ...patch, change_set_id: id });
};
