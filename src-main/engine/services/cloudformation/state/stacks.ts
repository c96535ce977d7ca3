/** Stack rows: lookup by name or id (deleted stacks answer only to their id), and updates. */
import type { Store } from '../../../store/store';
import { stackDoesNotExist } from '../errors';
import type { ResolvedParameter } from '../template/parameters';

export interface StackRow {
  stack_id: string;
  account_id: string;
  region: string;
  name: string;
  status: string;
  status_reason: string | null;
  description: string | null;
  template_body: string;
  processed_json: string;
  parameters_json: string;
  tags_json: string;
  capabilities_json: string;
  notification_arns_json: string;
  outputs_json: string | null;
  disable_rollback: number;
  on_failure: string;
  timeout_minutes: number | null;
  termination_protection: number;
  role_arn: string | null;
  created_at: number;
  updated_at: number | null;
  deleted_at: number | null;
  op: string | null;
  op_phase: string | null;
  op_started_at: number | null;
  previous_json: string | null;
  change_set_id: string | null;
  imports_json: string;
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface PreviousState {
  template_body: string;
  processed_json: string;
  parameters_json: string;
  outputs_json: string | null;
  description: string | null;
  tags_json: string;
  capabilities_json: string;
  imports_json: string;
}

export const stackParameters = (s: StackRow): ResolvedParameter[] => JSON.parse(s.parameters_json) as ResolvedParameter[];
export const stackTags = (s: StackRow): Tag[] => JSON.parse(s.tags_json) as Tag[];
export const stackOutputs = (s: StackRow): StackOutput[] => (s.outputs_json ? (JSON.parse(s.outputs_json) as StackOutput[]) : []);

export const isStackArn = (v: string) => v.startsWith('arn:aws');

/** A live stack by name, or any stack (even deleted) by id. */
export function findStack(store: Store, accountId: string, region: string, nameOrId: string): StackRow | undefined {
  if (isStackArn(nameOrId)) {
    return store.stmt('SELECT * FROM cfn_stacks WHERE stack_id = ? AND account_id = ?').get(nameOrId, accountId) as StackRow | undefined;
  }
  return store
    .stmt('SELECT * FROM cfn_stacks WHERE account_id = ? AND region = ? AND name = ? AND deleted_at IS NULL')
    .get(accountId, region, nameOrId) as StackRow | undefined;
}

export function requireStack(store: Store, accountId: string, region: string, nameOrId: string): StackRow {
  const s = findStack(store, accountId, region, nameOrId);
  if (!s) throw stackDoesNotExist(nameOrId);
  return s;
}

export const getStack = (store: Store, stackId: string): StackRow | undefined =>
  store.stmt('SELECT * FROM cfn_stacks WHERE stack_id = ?').get(stackId) as StackRow | undefined;

export function insertStack(store: Store, row: StackRow): void {
  const cols = Object.keys(row);
  store
    .stmt(`INSERT INTO cfn_stacks (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
    .run(row);
}

export function updateStack(store: Store, stackId: string, patch: Partial<StackRow>): void {
  const cols = Object.keys(patch);
  if (!cols.length) return;
  store
    .stmt(`UPDATE cfn_stacks SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE stack_id = @stack_id`)
    .run({ ...patch, stack_id: stackId });
}

export function listStacks(store: Store, accountId: string, region: string): StackRow[] {
  return store
    .stmt('SELECT * FROM cfn_stacks WHERE account_id = ? AND region = ? ORDER BY created_at DESC, rowid DESC')
    .all(accountId, region) as StackRow[];
}

/** Stacks whose operation is in flight (the runner resumes them at start). */
export const activeStacks = (store: Store): StackRow[] =>
  store.stmt('SELECT * FROM cfn_stacks WHERE op IS NOT NULL').all() as StackRow[];

/** Every export of the account and region: the outputs with an ExportName of live stacks. */
export function listExports(store: Store, accountId: string, region: string): { stackId: string; name: string; value: string }[] {
  const out: { stackId: string; name: string; value: string }[] = [];
  const rows = store
    .stmt(
      "SELECT stack_id, outputs_json FROM cfn_stacks WHERE account_id = ? AND region = ? AND deleted_at IS NULL AND outputs_json IS NOT NULL",
    )
    .all(accountId, region) as { stack_id: string; outputs_json: string }[];
  for (const r of rows) {
    for (const o of JSON.parse(r.outputs_json) as StackOutput[]) {
      if (o.ExportName) out.push({ stackId: r.stack_id, name: o.ExportName, value: o.OutputValue });
    }
  }
  return out;
}

/** Stacks whose current template imports `exportName`. */
export function importingStacks(store: Store, accountId: string, region: string, exportName: string): string[] {
  const rows = store
    .stmt('SELECT name, imports_json FROM cfn_stacks WHERE account_id = ? AND region = ? AND deleted_at IS NULL')
    .all(accountId, region) as { name: string; imports_json: string }[];
  return rows.filter((r) => (JSON.parse(r.imports_json) as string[]).includes(exportName)).map((r) => r.name);
}
