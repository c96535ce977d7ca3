/**
 * The apply phase of an operation: resources start once everything they depend on is complete,
 * are created, updated in place or replaced, become ready, wait for their signals, and complete.
 */
import { providerFor, SIMULATED_REASON } from '../providers';
import { resourceType } from '../resource-types';
import {
  attrs as rowAttrs,
  cleanupItems,
  decl as rowDecl,
  deleteResourceRow,
  deps as rowDeps,
  getResource,
  listResources,
  props as rowProps,
  signals as rowSignals,
  updateResource,
  type OldState,
  type ResourceRow,
} from '../state/resources';
import { getStack, updateStack, type StackRow } from '../state/stacks';
import { checkTemplate } from '../template/check';
import { evaluate, NO_VALUE } from '../template/intrinsics';
import { isObject, type Json, type JsonObject } from '../template/parse';
import type { Environment } from './env';
import { markFailed } from './mark-failed';
import { fail, restore } from './rollback';
import { failureReason, signalWait } from './reasons';
import type { Runner } from './runner';
import { createMs, STABILIZE_POLL_MS, updateMs } from './timing';
import { needsReplacement, propertyProblem } from './validate-properties';

export async function applyStep(rn: Runner, stack: StackRow, rows: ResourceRow[]): Promise<boolean> {
  const now = rn.clock.now();
  // A stack's steps run one at a time, so a row still 'starting' here was left by a lab that stopped
  // while the service was creating it: recover it before anything else.
  const interrupted = rows.filter((r) => r.phase === 'starting');
  if (interrupted.length) {
    for (const r of interrupted) await recoverStarting(rn, stack, r);
    return true;
  }
  const failed = rows.filter((r) => r.phase === 'failed');
  if (failed.length) {
    rn.store.tx(() => fail(rn, stack, rows, failed, now));
    return true;
  }
  let progressed = false;
  for (const r of rows.filter((x) => x.phase === 'waiting' && x.due_at! <= now)) {
    await finishStep(rn, stack, r);
    progressed = true;
  }
  for (const r of rows.filter((x) => x.phase === 'signals')) {
    if (checkSignals(rn, stack, r, now)) progressed = true;
  }
  if (progressed) return true;
  const byId = new Map(rows.map((r) => [r.logical_id, r]));
  const isDone = (id: string) => {
    const d = byId.get(id);
    return !d || d.phase === null || d.phase === 'done';
  };
  const ready = rows.filter((r) => r.phase === 'pending' && rowDeps(r).every(isDone));
  if (ready.length) {
    const env = rn.environment(stack, rows);
    await Promise.all(
      ready.map((r) => {
        const startAt = Math.max(stack.op_started_at ?? now, ...rowDeps(r).map((d) => byId.get(d)?.done_at ?? 0));
        return startStep(rn, stack, r, env, Math.min(startAt, now));
      }),
    );
    return true;
  }
  if (rows.every((r) => r.phase === null || r.phase === 'done')) {
    rn.store.tx(() => finishApply(rn, stack, rows, now));
    return true;
  }
  return false;
}

export async function startStep(rn: Runner, stack: StackRow, row: ResourceRow, env: Environment, at: number): Promise<void> {
  let r = row;
  let d = rowDecl(r);
  let props: JsonObject;
  try {
    const v = evaluate((d.Properties as Json) ?? {}, env.env);
    props = v === NO_VALUE || !isObject(v) ? {} : v;
    // Metadata (cfn-init reads it) and a CreationPolicy may use intrinsics too: kept evaluated.
    const evaluated: JsonObject = { ...d };
    for (const k of ['Metadata', 'CreationPolicy'] as const) {
      if (d[k] === undefined) continue;
      const v = evaluate(d[k], env.env);
      if (v === NO_VALUE) delete evaluated[k];
      else evaluated[k] = v;
    }
    rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { decl_json: JSON.stringify(evaluated) }));
    r = getResource(rn.store, stack.stack_id, r.logical_id)!;
    d = evaluated;
  } catch (e) {
    rn.store.tx(() => markFailed(rn, stack, r, at, r.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED', (e as Error).message));
    return;
  }
  if (r.action === 'restore') return restore(rn, stack, r, props, at);
  const old = r.old_json ? (JSON.parse(r.old_json) as OldState) : undefined;
  const isNew = r.action === 'create' || !old || !old.physicalId;
  const creating = stack.op === 'CREATE' || isNew;
  if (!isNew && old) {
    const sameProps = JSON.stringify(props) === JSON.stringify(old.properties ?? {});
    const sameDecl = r.type === old.type && JSON.stringify(d.Metadata ?? null) === JSON.stringify(old.decl.Metadata ?? null);
    if (sameProps && sameDecl) {
      rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'done', done_at: at, old_json: null }));
      return;
    }
  }
  const replacing = !isNew && old ? needsReplacement(r.type, old.type, props, old.properties ?? {}) : false;
  const inProgress = creating ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS';
  const failedStatus = creating ? 'CREATE_FAILED' : 'UPDATE_FAILED';
  const problem = propertyProblem(r.type, props);
  const choice = providerFor(r.type);
  rn.store.tx(() => {
    updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'starting', started_at: at, status: inProgress, status_reason: null, updated_at: at });
    rn.event(
      stack,
      at,
      { ...r, physical_id: creating || replacing ? null : r.physical_id },
      inProgress,
      replacing ? 'Requested update requires the creation of a new physical resource; hence creating one.' : null,
      props,
    );
  });
  if (problem || !choice) {
    const reason = problem ?? `Nimbus Lab cannot create resources of type ${r.type} yet.`;
    rn.store.tx(() => markFailed(rn, stack, r, at, failedStatus, reason));
    return;
  }
  const notes: string[] = [];
  const rc = rn.resourceCtx(stack, r.logical_id, notes);
  const service = resourceType(r.type)?.service ?? '';
  try {
    if (creating || replacing) {
      const created = await choice.provider.create(rc, props);
      const due = Math.max(at + createMs(r.type), rn.clock.now());
      rn.store.tx(() => {
        // DeleteStack came while the service was creating it: the new resource joins the deletion.
        if (getStack(rn.store, stack.stack_id)?.op !== stack.op) {
          const items = cleanupItems(getResource(rn.store, stack.stack_id, r.logical_id)!).filter((i) => i.physicalId !== '');
          items.push({ physicalId: created.physicalId, type: r.type, properties: props, decl: d, dropRow: false });
          updateResource(rn.store, stack.stack_id, r.logical_id, {
            physical_id: created.physicalId,
            properties_json: JSON.stringify(props),
            attributes_json: JSON.stringify(created.attributes ?? {}),
            cleanup_json: JSON.stringify(items),
            cphase: 'pending',
            phase: null,
          });
          rn.event(stack, at, { ...r, physical_id: created.physicalId }, inProgress, 'Resource creation Initiated', props);
          return;
        }
        const patch: Partial<ResourceRow> = {
          phase: 'waiting',
          due_at: due,
          physical_id: created.physicalId,
          properties_json: JSON.stringify(props),
          attributes_json: JSON.stringify(created.attributes ?? {}),
          simulated: choice.simulated ? 1 : 0,
          status_reason: choice.simulated ? simulatedReason(r) : notes.length ? notes.join(' ') : null,
          action: replacing ? 'replace' : 'create',
          signals_json: '[]',
        };
        if (replacing && old?.physicalId) {
          const items = cleanupItems(r);
          items.push({ physicalId: old.physicalId, type: old.type, properties: old.properties, decl: old.decl, dropRow: false });
          patch.cleanup_json = JSON.stringify(items);
        }
        updateResource(rn.store, stack.stack_id, r.logical_id, patch);
        rn.event(stack, at, { ...r, physical_id: created.physicalId }, inProgress, 'Resource creation Initiated', props);
      });
    } else {
      const changed = await choice.provider.update?.(rc, r.physical_id!, props, old?.properties ?? {}, rowAttrs(r));
      const due = Math.max(at + updateMs(r.type), rn.clock.now());
      rn.store.tx(() =>
        updateResource(rn.store, stack.stack_id, r.logical_id, {
          phase: 'waiting',
          due_at: due,
          action: 'update',
          physical_id: changed?.physicalId ?? r.physical_id,
          properties_json: JSON.stringify(props),
          attributes_json: JSON.stringify({ ...rowAttrs(r), ...(changed?.attributes ?? {}) }),
          status_reason: r.simulated ? simulatedReason(r) : notes.length ? notes.join(' ') : null,
        }),
      );
    }
  } catch (e) {
    rn.store.tx(() => markFailed(rn, stack, r, rn.clock.now(), failedStatus, failureReason(e, service)));
  }
}

/**
 * A create the lab was killed in the middle of: the resource may exist in its service without the
 * stack knowing its id. A provider that can find it by its CloudFormation tags lets the orphan be
 * deleted; then the step starts over, so the stack neither hangs nor leaves it behind.
 */
async function recoverStarting(rn: Runner, stack: StackRow, r: ResourceRow): Promise<void> {
  const at = rn.clock.now();
  const choice = providerFor(r.type);
  let note = 'Nimbus Lab stopped while this resource was being created; creating it again.';
  if (r.action === 'create' || r.physical_id === null) {
    const rc = rn.resourceCtx(stack, r.logical_id, []);
    try {
      const orphan = await choice?.provider.find?.(rc);
      if (orphan) {
        await choice!.provider.delete(rc, orphan, rowProps(r) ?? {}, {});
        note = `Nimbus Lab stopped while this resource was being created; the half-made ${orphan} was deleted and it is created again.`;
      }
    } catch (e) {
      rn.store.tx(() => markFailed(rn, stack, r, at, 'CREATE_FAILED', `Nimbus Lab stopped while this resource was being created, and could not clean up after it: ${(e as Error).message}`));
      return;
    }
  }
  rn.store.tx(() => {
    updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'pending', status_reason: note, physical_id: r.action === 'create' ? null : r.physical_id });
    rn.event(stack, at, r, r.status, note);
  });
}

/** A resource's step is due: check it is usable, read its attributes, then wait for signals or complete. */
export async function finishStep(rn: Runner, stack: StackRow, r: ResourceRow): Promise<void> {
  const due = r.due_at!;
  const choice = providerFor(r.type);
  const creating = r.action === 'create' || r.action === 'replace';
  const props = rowProps(r) ?? {};
  const failedStatus = stack.op === 'CREATE' || r.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED';
  if (choice && r.physical_id && (creating || r.action === 'update')) {
    const rc = rn.resourceCtx(stack, r.logical_id, []);
    try {
      if (creating && choice.provider.ready && !(await choice.provider.ready(rc, r.physical_id, props))) {
        rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { due_at: due + STABILIZE_POLL_MS }));
        return;
      }
      if (choice.provider.attributes) {
        const a = await choice.provider.attributes(rc, r.physical_id, props, rowAttrs(r));
        rn.store.tx(() => updateResource(rn.store, stack.stack_id, r.logical_id, { attributes_json: JSON.stringify({ ...rowAttrs(r), ...a }) }));
      }
    } catch (e) {
      rn.store.tx(() => markFailed(rn, stack, r, due, failedStatus, failureReason(e, resourceType(r.type)?.service ?? '')));
      return;
    }
  }
  // A simulated resource launches no instances, so nothing could send its CreationPolicy's signals.
  const wait = creating && !r.simulated ? signalWait(r) : undefined;
  rn.store.tx(() => {
    if (wait) {
      updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'signals', due_at: (r.started_at ?? due) + wait.timeoutMs });
    } else complete(rn, stack, getResource(rn.store, stack.stack_id, r.logical_id)!, due);
  });
}

/** Why a simulated resource is only a record (and, with a CreationPolicy, why it did not wait). */
export function simulatedReason(r: ResourceRow): string {
  return signalWait(r) ? `${SIMULATED_REASON} Its CreationPolicy signals are not awaited: no instances are launched for it.` : SIMULATED_REASON;
}

export function complete(rn: Runner, stack: StackRow, r: ResourceRow, at: number): void {
  const creating = stack.op === 'CREATE' || r.action === 'create';
  const status = creating ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE';
  updateResource(rn.store, stack.stack_id, r.logical_id, { phase: 'done', status, done_at: at, updated_at: at, due_at: null });
  rn.event(stack, at, r, status, r.simulated ? simulatedReason(r) : r.status_reason);
}

/** CreationPolicy / WaitCondition: enough SUCCESS signals complete it; FAILURE or the timeout fail it. */
export function checkSignals(rn: Runner, stack: StackRow, r: ResourceRow, now: number): boolean {
  const wait = signalWait(r)!;
  let received = rowSignals(r);
  if (r.type === 'AWS::CloudFormation::WaitCondition') {
    const handleUrl = String((rowProps(r) ?? {}).Handle ?? '');
    const handle = listResources(rn.store, stack.stack_id).find((x) => x.physical_id === handleUrl);
    received = handle ? rowSignals(handle) : [];
  }
  const failedStatus = stack.op === 'CREATE' || r.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED';
  const failure = received.find((s) => s.Status === 'FAILURE');
  if (failure) {
    rn.store.tx(() => markFailed(rn, stack, r, now, failedStatus, `Received FAILURE signal with UniqueId ${failure.UniqueId}`));
    return true;
  }
  const ok = received.filter((s) => s.Status === 'SUCCESS');
  if (ok.length >= wait.count) {
    rn.store.tx(() => {
      if (r.type === 'AWS::CloudFormation::WaitCondition') {
        const data: Record<string, string> = {};
        for (const s of ok) data[s.UniqueId] = s.Data ?? '';
        updateResource(rn.store, stack.stack_id, r.logical_id, { attributes_json: JSON.stringify({ Data: JSON.stringify(data) }) });
      }
      complete(rn, stack, getResource(rn.store, stack.stack_id, r.logical_id)!, Math.min(now, r.due_at!));
    });
    return true;
  }
  if (r.due_at! <= now) {
    const reason =
      r.type === 'AWS::CloudFormation::WaitCondition'
        ? `WaitCondition timed out. Received ${ok.length} conditions when expecting ${wait.count}`
        : `Failed to receive ${wait.count} resource signal(s) within the specified duration`;
    rn.store.tx(() => markFailed(rn, stack, r, r.due_at!, failedStatus, reason));
    return true;
  }
  return false;
}

export function finishApply(rn: Runner, stack: StackRow, rows: ResourceRow[], now: number): void {
  const at = Math.max(stack.op_started_at ?? now, rn.lastEventTime(stack.stack_id));
  const outputs = computeOutputs(rn, getStack(rn.store, stack.stack_id)!, listResources(rn.store, stack.stack_id));
  updateStack(rn.store, stack.stack_id, { outputs_json: JSON.stringify(outputs) });
  for (const r of rows) if (r.phase !== null) updateResource(rn.store, stack.stack_id, r.logical_id, { phase: null, action: null, due_at: null });
  if (stack.op === 'CREATE') {
    rn.stackEvent(stack, at, 'CREATE_COMPLETE');
    updateStack(rn.store, stack.stack_id, { op: null, op_phase: null, previous_json: null });
    return;
  }
  // UPDATE and UPDATE_ROLLBACK go on with the cleanup: removed resources and replaced physical ones.
  for (const r of listResources(rn.store, stack.stack_id)) {
    const items = cleanupItems(r);
    if (stack.op === 'UPDATE' && r.in_template === 0 && r.physical_id !== null) {
      items.push({ physicalId: r.physical_id, type: r.type, properties: rowProps(r), decl: rowDecl(r), dropRow: true });
    }
    if (r.in_template === 0 && r.physical_id === null) deleteResourceRow(rn.store, stack.stack_id, r.logical_id);
    else if (items.length) updateResource(rn.store, stack.stack_id, r.logical_id, { cleanup_json: JSON.stringify(items), cphase: 'pending' });
  }
  rn.stackEvent(stack, at, stack.op === 'UPDATE' ? 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' : 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  updateStack(rn.store, stack.stack_id, { op_phase: 'cleanup', op_started_at: at });
}

/** The stack's own closing event never comes before its resources' last one. */
export function computeOutputs(rn: Runner, stack: StackRow, rows: ResourceRow[]): { OutputKey: string; OutputValue: string; Description?: string; ExportName?: string }[] {
  const env = rn.environment(stack, rows);
  const t = checkTemplate(JSON.parse(stack.processed_json) as JsonObject);
  const out: { OutputKey: string; OutputValue: string; Description?: string; ExportName?: string }[] = [];
  for (const [key, o] of t.outputs) {
    if (o.Condition !== undefined && !env.conditions.get(String(o.Condition))) continue;
    try {
      const v = evaluate(o.Value!, env.env);
      const exportName = isObject(o.Export) && o.Export.Name !== undefined ? evaluate(o.Export.Name, env.env) : undefined;
      out.push({
        OutputKey: key,
        OutputValue: Array.isArray(v) ? v.join(',') : v === NO_VALUE ? '' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
        ...(typeof o.Description === 'string' ? { Description: o.Description } : {}),
        ...(exportName !== undefined && exportName !== NO_VALUE ? { ExportName: String(exportName) } : {}),
      });
    } catch {
      // An output whose value cannot be evaluated (its resource failed) is left out, as AWS does.
    }
  }
  return out;
}

/** A resource failed during apply: cancel what is in flight, then roll back (or not) per the stack's settings. */
