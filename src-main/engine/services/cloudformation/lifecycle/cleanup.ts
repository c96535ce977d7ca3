/**
 * The cleanup phase: deletions (a stack delete, the rollback of a failed create, what an update
 * replaced or removed), dependents first, honouring DeletionPolicy / UpdateReplacePolicy.
 */
import { providerFor } from '../providers';
import { resourceType } from '../resource-types';
import {
  attrs as rowAttrs,
  cleanupItems,
  deleteResourceRow,
  deps as rowDeps,
  listResources,
  updateResource,
  type ResourceRow,
} from '../state/resources';
import { getStack, updateStack, type StackRow } from '../state/stacks';
import { computeOutputs } from './apply';
import { failureReason } from './reasons';
import type { Runner } from './runner';
import { deleteMs } from './timing';

export async function cleanupStep(rn: Runner, stack: StackRow, rows: ResourceRow[]): Promise<boolean> {
  const now = rn.clock.now();
  let progressed = false;
  for (const r of rows.filter((x) => x.cphase === 'waiting' && x.cdue_at! <= now)) {
    rn.store.tx(() => finishDelete(rn, stack, r));
    progressed = true;
  }
  if (progressed) return true;
  const pending = rows.filter((r) => r.cphase === 'pending' || r.cphase === 'waiting' || r.cphase === 'starting');
  // Dependents go first, whether they are being deleted or only their replaced predecessor is.
  const blocked = (r: ResourceRow) => pending.some((o) => o !== r && rowDeps(o).includes(r.logical_id));
  const ready = rows.filter((r) => r.cphase === 'pending' && !blocked(r));
  if (ready.length) {
    const startAt = Math.max(stack.op_started_at ?? now, ...rows.map((r) => (r.cphase === 'done' ? r.cdue_at ?? 0 : 0)));
    await Promise.all(ready.map((r) => startDelete(rn, stack, r, Math.min(startAt, now))));
    return true;
  }
  if (pending.length) return false;
  rn.store.tx(() => finishCleanup(rn, stack, rows, now));
  return true;
}

export async function startDelete(rn: Runner, stack: StackRow, r: ResourceRow, at: number): Promise<void> {
  const item = cleanupItems(r)[0]!;
  const policy = String((r.physical_id === item.physicalId || item.dropRow ? item.decl.DeletionPolicy : item.decl.UpdateReplacePolicy ?? item.decl.DeletionPolicy) ?? 'Delete');
  const st = { progress: 'DELETE_IN_PROGRESS', failed: 'DELETE_FAILED' };
  const view = { logical_id: r.logical_id, physical_id: item.physicalId || null, type: item.type };
  if (policy === 'Retain' && item.physicalId) {
    rn.store.tx(() => {
      rn.event(stack, at, view, 'DELETE_SKIPPED');
      afterDeleteItem(rn, stack, r, at, 'DELETE_SKIPPED');
    });
    return;
  }
  rn.store.tx(() => {
    rn.event(stack, at, view, st.progress);
    updateResource(rn.store, stack.stack_id, r.logical_id, { cphase: 'starting', ...(r.physical_id === item.physicalId ? { status: st.progress, status_reason: null } : {}) });
  });
  const choice = providerFor(item.type);
  if (item.physicalId && choice && !(r.simulated && r.physical_id === item.physicalId && choice.simulated)) {
    const rc = rn.resourceCtx(stack, r.logical_id, []);
    try {
      if (policy === 'Snapshot' && choice.provider.snapshot) await choice.provider.snapshot(rc, item.physicalId, item.properties ?? {});
      await choice.provider.delete(rc, item.physicalId, item.properties ?? {}, r.physical_id === item.physicalId ? rowAttrs(r) : {});
    } catch (e) {
      const reason = failureReason(e, resourceType(item.type)?.service ?? '');
      const failedAt = rn.clock.now();
      rn.store.tx(() => {
        rn.event(stack, failedAt, view, st.failed, reason);
        updateResource(rn.store, stack.stack_id, r.logical_id, {
          cphase: 'failed',
          cdue_at: failedAt,
          ...(r.physical_id === item.physicalId ? { status: st.failed, status_reason: reason } : {}),
        });
      });
      return;
    }
  }
  const due = item.physicalId ? Math.max(at + deleteMs(item.type), rn.clock.now()) : at;
  rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { cphase: 'waiting', cdue_at: due }));
}

export function finishDelete(rn: Runner, stack: StackRow, r: ResourceRow): void {
  const item = cleanupItems(r)[0]!;
  const at = r.cdue_at!;
  rn.event(stack, at, { logical_id: r.logical_id, physical_id: item.physicalId || null, type: item.type }, 'DELETE_COMPLETE');
  afterDeleteItem(rn, stack, r, at, 'DELETE_COMPLETE');
}

export function afterDeleteItem(rn: Runner, stack: StackRow, r: ResourceRow, at: number, status: string): void {
  const items = cleanupItems(r);
  const item = items.shift()!;
  if (item.dropRow && !items.length) {
    deleteResourceRow(rn.store, stack.stack_id, r.logical_id);
    return;
  }
  const patch: Partial<ResourceRow> = { cleanup_json: JSON.stringify(items), cphase: items.length ? 'pending' : 'done', cdue_at: at };
  if (r.physical_id === item.physicalId || (item.physicalId === '' && stack.op !== 'UPDATE')) {
    patch.status = status;
    patch.status_reason = null;
    patch.updated_at = at;
  }
  updateResource(rn.store, stack.stack_id, r.logical_id, patch);
}

export function finishCleanup(rn: Runner, stack: StackRow, rows: ResourceRow[], now: number): void {
  const at = Math.max(stack.op_started_at ?? now, rn.lastEventTime(stack.stack_id));
  const failed = rows.filter((r) => r.cphase === 'failed').map((r) => r.logical_id);
  for (const r of rows) if (r.cphase !== null) updateResource(rn.store, stack.stack_id, r.logical_id, { cphase: null, cdue_at: null, old_json: null, action: null });
  const end = (status: string, reason?: string, extra: Partial<StackRow> = {}) => {
    rn.stackEvent(stack, at, status, reason);
    updateStack(rn.store, stack.stack_id, { op: null, op_phase: null, previous_json: null, ...extra });
  };
  const failedReason = `The following resource(s) failed to delete: [${failed.join(', ')}]. `;
  switch (stack.op) {
    case 'DELETE':
      if (failed.length) end('DELETE_FAILED', failedReason);
      else end('DELETE_COMPLETE', undefined, { deleted_at: at });
      return;
    case 'ROLLBACK':
      end(failed.length ? 'ROLLBACK_FAILED' : 'ROLLBACK_COMPLETE', failed.length ? failedReason : undefined);
      return;
    case 'UPDATE':
      for (const r of listResources(rn.store, stack.stack_id)) updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: '[]' });
      end('UPDATE_COMPLETE');
      return;
    case 'UPDATE_ROLLBACK': {
      for (const r of listResources(rn.store, stack.stack_id)) updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: '[]' });
      const outputs = computeOutputs(rn, getStack(rn.store, stack.stack_id)!, listResources(rn.store, stack.stack_id));
      end('UPDATE_ROLLBACK_COMPLETE', undefined, { outputs_json: JSON.stringify(outputs) });
      return;
    }
    default:
      end(`${stack.op}_COMPLETE`);
  }
}

/** A signal for a resource (SignalResource, cfn-signal, a wait-condition handle PUT). */