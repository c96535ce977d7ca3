/**
 * Failures during the apply phase: what is in flight is cancelled, then the stack rolls back (a
 * create deletes what it made; an update puts touched resources back and deletes new ones) or
 * stops, as the stack's OnFailure / DisableRollback say.
 */
import { providerFor } from '../providers';
import { resourceType } from '../resource-types';
import {
  attrs as rowAttrs,
  decl as rowDecl,
  deleteResourceRow,
  listResources,
  props as rowProps,
  updateResource,
  type CleanupItem,
  type OldState,
  type ResourceRow,
} from '../state/resources';
import { updateStack, type PreviousState, type StackRow } from '../state/stacks';
import type { JsonObject } from '../template/parse';
import { markFailed } from './mark-failed';
import { failureReason } from './reasons';
import type { Runner } from './runner';
import { updateMs } from './timing';

export async function restore(rn: Runner, stack: StackRow, r: ResourceRow, _props: JsonObject, at: number): Promise<void> {
  const old = JSON.parse(r.old_json!) as OldState;
  const current = rowProps(r) ?? {};
  rn.store.tx(() => {
    rn.event(stack, at, { ...r, physical_id: old.physicalId }, 'UPDATE_IN_PROGRESS');
    updateResource(rn.store, stack.stack_id, r.logical_id, { status: 'UPDATE_IN_PROGRESS', status_reason: null, phase: 'starting', started_at: at });
  });
  let due = at;
  if (r.physical_id && r.physical_id !== old.physicalId) {
    // Replaced: the old resource still exists; the new one is deleted in the cleanup.
    const items: CleanupItem[] = [{ physicalId: r.physical_id, type: r.type, properties: current, decl: rowDecl(r), dropRow: false }];
    rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: JSON.stringify(items) }));
  } else if (r.physical_id && JSON.stringify(current) !== JSON.stringify(old.properties ?? {})) {
    const choice = providerFor(r.type);
    try {
      await choice?.provider.update?.(rn.resourceCtx(stack, r.logical_id, []), r.physical_id, old.properties ?? {}, current, rowAttrs(r));
      due = Math.max(at + updateMs(r.type), rn.clock.now());
    } catch (e) {
      rn.store.tx(() => markFailed(rn, stack, r, rn.clock.now(), 'UPDATE_FAILED', failureReason(e, resourceType(r.type)?.service ?? '')));
      return;
    }
  }
  rn.store.tx(() =>
    updateResource(rn.store, stack.stack_id, r.logical_id, {
      type: old.type,
      physical_id: old.physicalId,
      properties_json: old.properties ? JSON.stringify(old.properties) : null,
      attributes_json: JSON.stringify(old.attributes ?? {}),
      decl_json: JSON.stringify(old.decl),
      deps_json: JSON.stringify(old.deps),
      simulated: old.simulated,
      in_template: 1,
      phase: 'waiting',
      due_at: due,
      action: 'restore',
    }),
  );
}


export function fail(rn: Runner, stack: StackRow, rows: ResourceRow[], failed: ResourceRow[], now: number): void {
  const at = Math.max(...failed.map((r) => r.done_at ?? now));
  const creating = stack.op === 'CREATE';
  for (const r of rows) {
    if (r.phase === 'waiting' || r.phase === 'signals' || r.phase === 'starting') {
      const status = creating || r.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED';
      const reason = status === 'CREATE_FAILED' ? 'Resource creation cancelled' : 'Resource update cancelled';
      updateResource(rn.store, stack.stack_id, r.logical_id, { status, status_reason: reason, updated_at: at });
      rn.event(stack, at, r, status, reason);
    }
  }
  for (const r of rows) updateResource(rn.store, stack.stack_id, r.logical_id, { phase: null, due_at: null });
  const names = failed.map((r) => r.logical_id).join(', ');
  if (stack.op === 'UPDATE_ROLLBACK') {
    rn.stackEvent(stack, at, 'UPDATE_ROLLBACK_FAILED', `The following resource(s) failed to update: [${names}]. `);
    updateStack(rn.store, stack.stack_id, { op: null, op_phase: null });
    return;
  }
  if (creating) {
    const reason = `The following resource(s) failed to create: [${names}]. `;
    if (stack.on_failure === 'DO_NOTHING' || stack.disable_rollback) {
      rn.stackEvent(stack, at, 'CREATE_FAILED', reason);
      updateStack(rn.store, stack.stack_id, { op: null, op_phase: null });
      return;
    }
    const deleting = stack.on_failure === 'DELETE';
    rn.stackEvent(stack, at, deleting ? 'DELETE_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS', deleting ? reason : `${reason}Rollback requested by user.`);
    rn.planDeleteAll(stack.stack_id);
    updateStack(rn.store, stack.stack_id, { op: deleting ? 'DELETE' : 'ROLLBACK', op_phase: 'cleanup', op_started_at: at });
    return;
  }
  // UPDATE failed: roll back to the previous template and parameters.
  const newFailed = failed.filter((r) => !r.old_json);
  const reason =
    newFailed.length === failed.length
      ? `The following resource(s) failed to create: [${names}]. `
      : `The following resource(s) failed to update: [${names}]. `;
  rn.stackEvent(stack, at, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
  const prev = JSON.parse(stack.previous_json!) as PreviousState;
  updateStack(rn.store, stack.stack_id, {
    template_body: prev.template_body,
    processed_json: prev.processed_json,
    parameters_json: prev.parameters_json,
    description: prev.description,
    tags_json: prev.tags_json,
    capabilities_json: prev.capabilities_json,
    imports_json: prev.imports_json,
    op: 'UPDATE_ROLLBACK',
    op_phase: 'apply',
    op_started_at: at,
  });
  for (const r of listResources(rn.store, stack.stack_id)) {
    if (r.old_json) {
      updateResource(rn.store, stack.stack_id, r.logical_id, { action: 'restore', phase: 'pending', cleanup_json: '[]' });
    } else if (r.in_template === 1 && (r.status.startsWith('CREATE_') || r.status === '')) {
      // New in this update: deleted in the rollback's cleanup (or dropped if it never got created).
      if (r.physical_id) {
        const items: CleanupItem[] = [{ physicalId: r.physical_id, type: r.type, properties: rowProps(r), decl: rowDecl(r), dropRow: true }];
        updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: JSON.stringify(items), in_template: 0 });
      } else if (r.status === '') deleteResourceRow(rn.store, stack.stack_id, r.logical_id);
      else updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: JSON.stringify([{ physicalId: '', type: r.type, properties: null, decl: rowDecl(r), dropRow: true }]), in_template: 0 });
    } else if (r.in_template === 0) updateResource(rn.store, stack.stack_id, r.logical_id, { in_template: 1 });
  }
}

/** Every resource that exists (or failed to) is deleted, dependents first. */