/**
 * Starting a stack operation: the rows the runner will drive, the "User Initiated" event, and the
 * first kick. Called inside the operation's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { addEvent } from '../state/events';
import { insertResource, listResources, props as rowProps, attrs as rowAttrs, decl as rowDecl, deps as rowDeps, updateResource, type OldState, type ResourceRow } from '../state/resources';
import { getStack, insertStack, updateStack, type PreviousState, type StackRow, type Tag } from '../state/stacks';
import type { CheckedTemplate } from '../template/check';
import type { Json } from '../template/parse';
import { collectReferences, evaluate } from '../template/intrinsics';
import { buildEnv, type StackIdentity } from './env';
import type { Prepared } from './prepare';
import { runnerFor } from './runner';

export const STACK_TYPE = 'AWS::CloudFormation::Stack';

export const newStackId = (ctx: Ctx, name: string): string =>
  `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/${name}/${randomUUID()}`;

export interface StackSettings {
  tags: Tag[];
  notificationArns: string[];
  disableRollback: boolean;
  onFailure: string;
  timeoutMinutes?: number;
  terminationProtection: boolean;
  roleArn?: string;
  changeSetId?: string;
}

/** The export names the template imports, evaluated with its parameters. */
export function importsOf(ctx: Ctx, p: Prepared, id: StackIdentity): string[] {
  const e = buildEnv(ctx.store, p.checked, id, p.params, () => ({ ref: '', attribute: () => '' }));
  const names = new Set<string>();
  const visit = (v: Json) => {
    const refs = collectReferences(v);
    for (const arg of refs.imports) {
      try {
        const n = evaluate(arg, e.env);
        if (typeof n === 'string') names.add(n);
      } catch {
        // an import name built from resources: not knowable before creation
      }
    }
  };
  for (const r of p.checked.resources.values()) if (e.active.has(r.logicalId)) visit(r.properties);
  for (const o of p.checked.outputs.values()) visit(o.Value!);
  return [...names];
}

/** The resources whose Condition holds, with their dependencies among themselves. */
function activeResources(ctx: Ctx, p: Prepared, id: StackIdentity) {
  const e = buildEnv(ctx.store, p.checked, id, p.params, () => undefined);
  return [...p.checked.resources.values()]
    .filter((r) => e.active.has(r.logicalId))
    .map((r) => ({ r, deps: [...r.deps].filter((d) => e.active.has(d)) }));
}

function newRow(stackId: string, seq: number, logicalId: string, type: string, decl: Json, deps: string[], now: number): ResourceRow {
  return {
    stack_id: stackId,
    logical_id: logicalId,
    seq,
    type,
    physical_id: null,
    status: '',
    status_reason: null,
    decl_json: JSON.stringify(decl),
    properties_json: null,
    attributes_json: null,
    deps_json: JSON.stringify(deps),
    in_template: 1,
    simulated: 0,
    updated_at: now,
    phase: 'pending',
    action: 'create',
    due_at: null,
    started_at: null,
    done_at: null,
    signals_json: '[]',
    old_json: null,
    cleanup_json: '[]',
    cphase: null,
    cdue_at: null,
  };
}

export function stackEvent(ctx: Ctx, stack: { stack_id: string; name: string }, time: number, status: string, reason?: string): void {
  addEvent(ctx.store, { stackId: stack.stack_id, time, logicalId: stack.name, physicalId: stack.stack_id, type: STACK_TYPE, status, reason });
}

export function baseStackRow(ctx: Ctx, id: StackIdentity, p: Prepared, s: StackSettings, status: string): StackRow {
  const now = ctx.clock.now();
  return {
    stack_id: id.stackId,
    account_id: ctx.accountId,
    region: ctx.region,
    name: id.stackName,
    status,
    status_reason: null,
    description: typeof p.raw.Description === 'string' ? p.raw.Description : null,
    template_body: p.body,
    processed_json: JSON.stringify(p.processed),
    parameters_json: JSON.stringify(p.params),
    tags_json: JSON.stringify(s.tags),
    capabilities_json: JSON.stringify(p.capabilities),
    notification_arns_json: JSON.stringify(s.notificationArns),
    outputs_json: null,
    disable_rollback: s.disableRollback ? 1 : 0,
    on_failure: s.onFailure,
    timeout_minutes: s.timeoutMinutes ?? null,
    termination_protection: s.terminationProtection ? 1 : 0,
    role_arn: s.roleArn ?? null,
    created_at: now,
    updated_at: null,
    deleted_at: null,
    op: null,
    op_phase: null,
    op_started_at: null,
    previous_json: null,
    change_set_id: s.changeSetId ?? null,
    imports_json: JSON.stringify(importsOf(ctx, p, id)),
  };
}

/** CreateStack (or executing a CREATE change set on a REVIEW_IN_PROGRESS stack). */
export function beginCreate(ctx: Ctx, id: StackIdentity, p: Prepared, s: StackSettings, existing?: StackRow): void {
  const now = ctx.clock.now();
  if (existing) {
    updateStack(ctx.store, id.stackId, {
      status: 'CREATE_IN_PROGRESS',
      status_reason: 'User Initiated',
      template_body: p.body,
      processed_json: JSON.stringify(p.processed),
      parameters_json: JSON.stringify(p.params),
      capabilities_json: JSON.stringify(p.capabilities),
      tags_json: JSON.stringify(s.tags),
      description: typeof p.raw.Description === 'string' ? p.raw.Description : null,
      change_set_id: s.changeSetId ?? null,
      imports_json: JSON.stringify(importsOf(ctx, p, id)),
      op: 'CREATE',
      op_phase: 'apply',
      op_started_at: now,
    });
  } else {
    insertStack(ctx.store, { ...baseStackRow(ctx, id, p, s, 'CREATE_IN_PROGRESS'), status_reason: 'User Initiated', op: 'CREATE', op_phase: 'apply', op_started_at: now });
  }
  stackEvent(ctx, { stack_id: id.stackId, name: id.stackName }, now, 'CREATE_IN_PROGRESS', 'User Initiated');
  activeResources(ctx, p, id).forEach(({ r, deps }, i) => insertResource(ctx.store, newRow(id.stackId, i, r.logicalId, r.type, r.decl, deps, now)));
  runnerFor(ctx.store).kick(id.stackId, now);
}

export function previousState(stack: StackRow): PreviousState {
  return {
    template_body: stack.template_body,
    processed_json: stack.processed_json,
    parameters_json: stack.parameters_json,
    outputs_json: stack.outputs_json,
    description: stack.description,
    tags_json: stack.tags_json,
    capabilities_json: stack.capabilities_json,
    imports_json: stack.imports_json,
  };
}

/** UpdateStack (or executing an UPDATE change set). */
export function beginUpdate(ctx: Ctx, stack: StackRow, p: Prepared, tags: Tag[], changeSetId?: string): void {
  const now = ctx.clock.now();
  const id = { stackId: stack.stack_id, stackName: stack.name, accountId: stack.account_id, region: stack.region, notificationArns: JSON.parse(stack.notification_arns_json) as string[] };
  const rows = listResources(ctx.store, stack.stack_id);
  const byId = new Map(rows.map((r) => [r.logical_id, r]));
  const wanted = activeResources(ctx, p, id);
  const wantedIds = new Set(wanted.map((w) => w.r.logicalId));
  let seq = rows.reduce((m, r) => Math.max(m, r.seq), -1) + 1;
  for (const { r, deps } of wanted) {
    const row = byId.get(r.logicalId);
    if (row && row.physical_id && row.in_template === 1) {
      const old: OldState = {
        type: row.type,
        physicalId: row.physical_id,
        properties: rowProps(row),
        attributes: rowAttrs(row),
        decl: rowDecl(row),
        deps: rowDeps(row),
        status: row.status,
        simulated: row.simulated,
      };
      updateResource(ctx.store, stack.stack_id, r.logicalId, {
        type: r.type,
        decl_json: JSON.stringify(r.decl),
        deps_json: JSON.stringify(deps),
        phase: 'pending',
        action: 'update',
        old_json: JSON.stringify(old),
        cleanup_json: '[]',
      });
    } else if (row) {
      updateResource(ctx.store, stack.stack_id, r.logicalId, { ...newRow(stack.stack_id, row.seq, r.logicalId, r.type, r.decl, deps, now), status: row.status });
    } else {
      insertResource(ctx.store, newRow(stack.stack_id, seq++, r.logicalId, r.type, r.decl, deps, now));
    }
  }
  for (const row of rows) {
    if (!wantedIds.has(row.logical_id)) updateResource(ctx.store, stack.stack_id, row.logical_id, { in_template: 0, phase: null, action: null });
  }
  updateStack(ctx.store, stack.stack_id, {
    status: 'UPDATE_IN_PROGRESS',
    status_reason: 'User Initiated',
    previous_json: JSON.stringify(previousState(stack)),
    template_body: p.body,
    processed_json: JSON.stringify(p.processed),
    parameters_json: JSON.stringify(p.params),
    capabilities_json: JSON.stringify(p.capabilities),
    tags_json: JSON.stringify(tags),
    description: typeof p.raw.Description === 'string' ? p.raw.Description : null,
    updated_at: now,
    change_set_id: changeSetId ?? null,
    imports_json: JSON.stringify(importsOf(ctx, p, id)),
    op: 'UPDATE',
    op_phase: 'apply',
    op_started_at: now,
  });
  stackEvent(ctx, stack, now, 'UPDATE_IN_PROGRESS', 'User Initiated');
  runnerFor(ctx.store).kick(stack.stack_id, now);
}

export function beginDelete(ctx: Ctx, stack: StackRow): void {
  const now = ctx.clock.now();
  for (const r of listResources(ctx.store, stack.stack_id)) {
    if (r.phase !== null) updateResource(ctx.store, stack.stack_id, r.logical_id, { phase: null, action: null, due_at: null });
  }
  updateStack(ctx.store, stack.stack_id, { status: 'DELETE_IN_PROGRESS', status_reason: 'User Initiated', op: 'DELETE', op_phase: 'cleanup', op_started_at: now });
  stackEvent(ctx, stack, now, 'DELETE_IN_PROGRESS', 'User Initiated');
  const runner = runnerFor(ctx.store);
  runner.planDeleteAll(stack.stack_id);
  runner.kick(stack.stack_id, now);
}

/** Is the update a no-op (same template, parameters and tags)? */
export function sameAsCurrent(stack: StackRow, p: Prepared, tags: Tag[]): boolean {
  return (
    JSON.stringify(JSON.parse(stack.processed_json)) === JSON.stringify(p.processed) &&
    JSON.stringify((JSON.parse(stack.parameters_json) as { key: string; value: string }[]).map((x) => [x.key, x.value])) ===
      JSON.stringify(p.params.map((x) => [x.key, x.value])) &&
    stack.tags_json === JSON.stringify(tags)
  );
}

export const currentStack = (ctx: Ctx, stackId: string) => getStack(ctx.store, stackId)!;
export type { CheckedTemplate };
