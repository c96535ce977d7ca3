/**
 * Time-driven lifecycles of EC2 compute resources, on the simulated clock.
 *
 * Every pending step (an instance finishing its boot, a volume becoming available, a snapshot
 * completing...) is a row in ec2_lifecycle (resource, kind, due time), so steps survive an engine
 * restart: computeStart() re-arms the clock from the table. Each kind registers the function that
 * performs its step. One clock job per engine is armed at the earliest due time; handlers also call
 * catchUp() first, so a Describe never shows a state whose time has already passed.
 *
 * Instance state changes are announced to listeners (the guest layer boots cloud-init when an
 * instance enters `running`):
 *
 *   onInstanceStateChange((e) => { if (e.current === 'running') boot(e.ctx, e.instanceId); })
 */
import type { Clock } from '../../../clock/clock';
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';

export interface LifecycleEngine {
  store: Store;
  clock: Clock;
}

export interface DueStep {
  resource_id: string;
  kind: string;
  account_id: string;
  region: string;
  due_at: number;
}

/** Performs one step at `step.due_at`; runs inside a transaction with a context for the step's account and region. */
export type StepFn = (ctx: Ctx, step: DueStep) => void;

const kinds = new Map<string, StepFn>();

export function registerLifecycleKind(kind: string, fn: StepFn): void {
  kinds.set(kind, fn);
}

/** A context for work the cloud does by itself (no caller): lifecycle steps act as EC2. */
export function internalCtx(engine: LifecycleEngine, accountId: string, region: string): Ctx {
  return {
    requestId: 'internal',
    accountId,
    region,
    service: 'ec2',
    operation: 'Lifecycle',
    principal: { type: 'service', accountId, arn: 'ec2.amazonaws.com', userId: 'ec2.amazonaws.com' },
    source: 'internal',
    store: engine.store,
    clock: engine.clock,
    call: () => Promise.reject(new Error('lifecycle steps make no cross-service calls')),
    commit: (fn) => engine.store.tx(fn),
  };
}

/** Schedules (or moves) the step `kind` of a resource. */
export function scheduleStep(ctx: Ctx, kind: string, resourceId: string, dueAt: number): void {
  ctx.store
    .stmt(
      `INSERT INTO ec2_lifecycle (resource_id, kind, account_id, region, due_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (resource_id, kind) DO UPDATE SET due_at = excluded.due_at`,
    )
    .run(resourceId, kind, ctx.accountId, ctx.region, dueAt);
  arm(ctx, dueAt);
}

export function cancelStep(ctx: Ctx, kind: string, resourceId: string): void {
  ctx.store.stmt('DELETE FROM ec2_lifecycle WHERE resource_id = ? AND kind = ?').run(resourceId, kind);
}

export function cancelAllSteps(ctx: Ctx, resourceId: string): void {
  ctx.store.stmt('DELETE FROM ec2_lifecycle WHERE resource_id = ?').run(resourceId);
}

export function stepDueAt(ctx: Ctx, kind: string, resourceId: string): number | undefined {
  const row = ctx.store.stmt('SELECT due_at FROM ec2_lifecycle WHERE resource_id = ? AND kind = ?').get(resourceId, kind) as
    | { due_at: number }
    | undefined;
  return row?.due_at;
}

/** The one armed clock job per clock (engine): its time and how to cancel it. */
const armed = new WeakMap<Clock, { at: number; cancel: () => void }>();

function arm(engine: LifecycleEngine, at: number): void {
  const current = armed.get(engine.clock);
  if (current && current.at <= at) return;
  current?.cancel();
  const cancel = engine.clock.at(at, () => {
    armed.delete(engine.clock);
    runDueSteps(engine);
  });
  armed.set(engine.clock, { at, cancel });
}

function armNext(engine: LifecycleEngine): void {
  const next = engine.store.stmt('SELECT MIN(due_at) AS at FROM ec2_lifecycle').get() as { at: number | null };
  if (next.at !== null) arm(engine, next.at);
}

/** Performs every step whose time has come, oldest first (a step may schedule the next one). */
export function runDueSteps(engine: LifecycleEngine): void {
  const select = engine.store.stmt(
    'SELECT resource_id, kind, account_id, region, due_at FROM ec2_lifecycle WHERE due_at <= ? ORDER BY due_at, rowid LIMIT 1',
  );
  const remove = engine.store.stmt('DELETE FROM ec2_lifecycle WHERE resource_id = ? AND kind = ? AND due_at = ?');
  for (;;) {
    const done = engine.store.tx(() => {
      const step = select.get(engine.clock.now()) as DueStep | undefined;
      if (!step) return true;
      remove.run(step.resource_id, step.kind, step.due_at);
      kinds.get(step.kind)?.(internalCtx(engine, step.account_id, step.region), step);
      return false;
    });
    if (done) break;
  }
  armNext(engine);
}

/** Handlers call this first: applies steps already due, in the caller's transaction. */
export function catchUp(ctx: Ctx): void {
  const due = ctx.store.stmt('SELECT 1 FROM ec2_lifecycle WHERE due_at <= ? LIMIT 1').get(ctx.clock.now());
  if (due) runDueSteps(ctx);
}

/** Engine start: re-arm the clock for the steps persisted before a restart. */
export function resumeLifecycles(engine: LifecycleEngine): void {
  armNext(engine);
}

// Instance state changes, for the guest layer.

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface InstanceStateChange {
  /** Context of the instance's account and region (the caller's, or the cloud's own for timed steps). */
  ctx: Ctx;
  instanceId: string;
  previous: InstanceStateName | null;
  current: InstanceStateName;
  /** Simulated time of the change. */
  at: number;
}

const stateListeners = new Set<(change: InstanceStateChange) => void>();

/** Subscribe to instance state changes (runs inside the transaction that made the change). Returns unsubscribe. */
export function onInstanceStateChange(listener: (change: InstanceStateChange) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

export function announceStateChange(change: InstanceStateChange): void {
  for (const l of stateListeners) l(change);
}

// Volume data, for the guest layer (a filesystem per volume lives there).

export interface VolumeDataCopy {
  ctx: Ctx;
  /** Source disk: another volume's or snapshot's data id, or `image:<os>-<version>` for an AMI's root. */
  fromDataId: string;
  toDataId: string;
}

const copyListeners = new Set<(copy: VolumeDataCopy) => void>();
const releaseListeners = new Set<(e: { ctx: Ctx; dataId: string }) => void>();

/** Called when a volume is created from a snapshot or image, or a snapshot taken of a volume. */
export function onVolumeDataCopy(listener: (copy: VolumeDataCopy) => void): () => void {
  copyListeners.add(listener);
  return () => copyListeners.delete(listener);
}

/** Called when a disk's data is gone: its volume or snapshot deleted, an instance store lost on stop/terminate. */
export function onVolumeDataRelease(listener: (e: { ctx: Ctx; dataId: string }) => void): () => void {
  releaseListeners.add(listener);
  return () => releaseListeners.delete(listener);
}

export function copyVolumeData(ctx: Ctx, fromDataId: string, toDataId: string): void {
  for (const l of copyListeners) l({ ctx, fromDataId, toDataId });
}

export function releaseVolumeData(ctx: Ctx, dataId: string): void {
  for (const l of releaseListeners) l({ ctx, dataId });
}
