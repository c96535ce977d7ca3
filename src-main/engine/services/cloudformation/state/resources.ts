/** A stack's resources, with the runner's per-resource bookkeeping. */
import type { Store } from '../../../store/store';
import type { Json, JsonObject } from '../template/parse';

export interface ResourceRow {
  stack_id: string;
  logical_id: string;
  seq: number;
  type: string;
  physical_id: string | null;
  status: string;
  status_reason: string | null;
  decl_json: string;
  properties_json: string | null;
  attributes_json: string | null;
  deps_json: string;
  in_template: number;
  simulated: number;
  updated_at: number;
  phase: string | null;
  action: string | null;
  due_at: number | null;
  started_at: number | null;
  done_at: number | null;
  signals_json: string;
  old_json: string | null;
  cleanup_json: string;
  cphase: string | null;
  cdue_at: number | null;
}

/** What a resource was before an update touched it (for rollback). */
export interface OldState {
  type: string;
  physicalId: string | null;
  properties: JsonObject | null;
  attributes: Record<string, Json> | null;
  decl: JsonObject;
  deps: string[];
  status: string;
  simulated: number;
}

export interface CleanupItem {
  physicalId: string;
  type: string;
  properties: JsonObject | null;
  decl: JsonObject;
  /** true: the row goes away once deleted (removed from the template, or a rollback of a new resource). */
  dropRow: boolean;
}

export interface Signal {
  UniqueId: string;
  Status: string;
  Data?: string;
  Reason?: string;
}

export const decl = (r: ResourceRow): JsonObject => JSON.parse(r.decl_json) as JsonObject;
export const deps = (r: ResourceRow): string[] => JSON.parse(r.deps_json) as string[];
export const props = (r: ResourceRow): JsonObject | null => (r.properties_json ? (JSON.parse(r.properties_json) as JsonObject) : null);
export const attrs = (r: ResourceRow): Record<string, Json> =>
  r.attributes_json ? (JSON.parse(r.attributes_json) as Record<string, Json>) : {};
export const cleanupItems = (r: ResourceRow): CleanupItem[] => JSON.parse(r.cleanup_json) as CleanupItem[];
export const signals = (r: ResourceRow): Signal[] => JSON.parse(r.signals_json) as Signal[];

export const listResources = (store: Store, stackId: string): ResourceRow[] =>
  store.stmt('SELECT * FROM cfn_resources WHERE stack_id = ? ORDER BY seq').all(stackId) as ResourceRow[];

export const getResource = (store: Store, stackId: string, logicalId: string): ResourceRow | undefined =>
  store.stmt('SELECT * FROM cfn_resources WHERE stack_id = ? AND logical_id = ?').get(stackId, logicalId) as ResourceRow | undefined;

export function insertResource(store: Store, row: ResourceRow): void {
  const cols = Object.keys(row);
  store.stmt(`INSERT INTO cfn_resources (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

export function updateResource(store: Store, stackId: string, logicalId: string, patch: Partial<ResourceRow>): void {
  const cols = Object.keys(patch);
  if (!cols.length) return;
  store
    .stmt(`UPDATE cfn_resources SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE stack_id = @stack_id AND logical_id = @logical_id`)
    .run({ ...patch, stack_id: stackId, logical_id: logicalId });
}

export const deleteResourceRow = (store: Store, stackId: string, logicalId: string): void => {
  store.stmt('DELETE FROM cfn_resources WHERE stack_id = ? AND logical_id = ?').run(stackId, logicalId);
};

/** The stack that owns a physical resource id (cfn-signal by instance id, WaitCondition handles). */
export function findByPhysicalId(store: Store, accountId: string, physicalId: string): { stack_id: string; logical_id: string } | undefined {
  return store
    .stmt(
      `SELECT r.stack_id, r.logical_id FROM cfn_resources r JOIN cfn_stacks s ON s.stack_id = r.stack_id
       WHERE s.account_id = ? AND r.physical_id = ? AND s.deleted_at IS NULL`,
    )
    .get(accountId, physicalId) as { stack_id: string; logical_id: string } | undefined;
}
