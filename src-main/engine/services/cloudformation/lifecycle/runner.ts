/**
 * The stack runner: drives an operation (create, update, delete, rollbacks) through its resources
 * on the simulated clock. Each step is a row update (phase, due time), so an operation resumes after
 * a restart; the next wake-up is one clock job per stack. Resources start as soon as everything they
 * depend on is complete, so independent resources go in parallel waves. Event times are the
 * simulated times at which steps were due, so a big jump of the clock still leaves a readable,
 * ordered history.
 */
import type { Clock } from '../../../clock/clock';
import { servicePrincipal } from '../../../core/account';
import type { Call } from '../../../protocol/types';
import type { Store } from '../../../store/store';
import type { ResourceCtx, Tag } from '../providers/types';
import { addEvent } from '../state/events';
import {
  attrs as rowAttrs,
  cleanupItems,
  decl as rowDecl,
  getResource,
  listResources,
  props as rowProps,
  signals as rowSignals,
  updateResource,
  type ResourceRow,
} from '../state/resources';
import { getStack, stackTags, updateStack, type StackRow } from '../state/stacks';
import { checkTemplate } from '../template/check';
import type { ResolvedParameter } from '../template/parameters';
import type { JsonObject } from '../template/parse';
import { applyStep } from './apply';
export { failureReason, signalWait } from './reasons';
import { cleanupStep } from './cleanup';
import { buildEnv, partitionOf, urlSuffixOf, type Environment } from './env';

export interface RunnerDeps {
  store: Store;
  clock: Clock;
  call: Call;
}

const STACK_TYPE = 'AWS::CloudFormation::Stack';

export class Runner {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly armed = new Map<string, { at: number; cancel: () => void }>();
  private running = 0;
  /** Work waiting on the simulated clock (a provider polling), which only time can move on. */
  private sleeping = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: RunnerDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  /** Forgets every armed wake-up (the rows were replaced under it). */
  reset(): void {
    for (const a of this.armed.values()) a.cancel();
    this.armed.clear();
  }

  /** Resume every operation that was in flight (engine start). */
  resumeAll(stackIds: string[]): void {
    for (const id of stackIds) this.kick(id);
  }

  /** Run the stack's next steps at `at` (default: now). */
  kick(stackId: string, at = this.deps.clock.now()): void {
    const current = this.armed.get(stackId);
    if (current && current.at <= at) return;
    current?.cancel();
    const cancel = this.deps.clock.at(at, () => {
      this.armed.delete(stackId);
      this.enqueue(stackId);
    });
    this.armed.set(stackId, { at, cancel });
  }

  /** Resolves once no stack has work running (tests; the bench). */
  idle(): Promise<void> {
    if (this.running <= this.sleeping) return Promise.resolve();
    return new Promise((ok) => this.idleWaiters.push(ok));
  }

  private checkIdle(): void {
    if (this.running <= this.sleeping) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Sleeps on the simulated clock; idle() does not wait for sleepers. */
  sleep(ms: number): Promise<void> {
    this.sleeping++;
    this.checkIdle();
    return new Promise<void>((ok) =>
      this.deps.clock.at(this.deps.clock.now() + ms, () => {
        this.sleeping--;
        ok();
      }),
    );
  }

  private enqueue(stackId: string): void {
    this.running++;
    const prev = this.chains.get(stackId) ?? Promise.resolve();
    const next = prev
      .then(() => this.tick(stackId))
      .catch((e: unknown) => {
        console.error(`[nimbus] cloudformation runner failed on ${stackId}`, e);
      })
      .finally(() => {
        this.running--;
        if (this.chains.get(stackId) === next) this.chains.delete(stackId);
        this.checkIdle();
      });
    this.chains.set(stackId, next);
  }

  private async tick(stackId: string): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      const stack = getStack(this.store, stackId);
      if (!stack?.op) return;
      const rows = listResources(this.store, stackId);
      const progressed = stack.op_phase === 'cleanup' ? await cleanupStep(this, stack, rows) : await applyStep(this, stack, rows);
      if (progressed) continue;
      const next = this.nextDue(stackId);
      if (next !== undefined) this.kick(stackId, next);
      return;
    }
  }

  private nextDue(stackId: string): number | undefined {
    const r = this.store
      .stmt(
        `SELECT MIN(t) AS t FROM (
           SELECT due_at AS t FROM cfn_resources WHERE stack_id = ? AND phase IN ('waiting', 'signals')
           UNION ALL SELECT cdue_at FROM cfn_resources WHERE stack_id = ? AND cphase = 'waiting')`,
      )
      .get(stackId, stackId) as { t: number | null };
    return r.t ?? undefined;
  }

  // The environment and the per-resource context

  environment(stack: StackRow, rows: ResourceRow[]): Environment {
    const t = checkTemplate(JSON.parse(stack.processed_json) as JsonObject);
    const byId = new Map(rows.map((r) => [r.logical_id, r]));
    const params = JSON.parse(stack.parameters_json) as ResolvedParameter[];
    return buildEnv(this.store, t, identity(stack), params, (id) => {
      const r = byId.get(id);
      if (!r?.physical_id) return undefined;
      const a = rowAttrs(r);
      return { ref: r.physical_id, attribute: (name) => a[name] };
    });
  }

  resourceCtx(stack: StackRow, logicalId: string, notes: string[]): ResourceCtx {
    const principal = servicePrincipal(stack.account_id, 'cloudformation');
    const tags: Tag[] = [
      ...stackTags(stack),
      { Key: 'aws:cloudformation:stack-name', Value: stack.name },
      { Key: 'aws:cloudformation:stack-id', Value: stack.stack_id },
      { Key: 'aws:cloudformation:logical-id', Value: logicalId },
    ];
    const clock = this.deps.clock;
    const sleep = (ms: number) => this.sleep(ms);
    return {
      call: (service, operation, input) => this.deps.call(principal, service, operation, input, { region: stack.region, source: 'internal' }),
      accountId: stack.account_id,
      region: stack.region,
      partition: partitionOf(stack.region),
      urlSuffix: urlSuffixOf(stack.region),
      stackName: stack.name,
      stackId: stack.stack_id,
      logicalId,
      tags,
      now: () => clock.now(),
      async waitFor(check, everyMs, maxMs, what) {
        const start = clock.now();
        for (;;) {
          if (await check()) return;
          if (clock.now() - start >= maxMs) throw new Error(`Timed out waiting for ${what}`);
          await sleep(everyMs);
        }
      },
      note: (text) => notes.push(text),
    };
  }

  event(stack: StackRow, time: number, r: { logical_id: string; physical_id: string | null; type: string }, status: string, reason?: string | null, properties?: unknown): void {
    addEvent(this.store, { stackId: stack.stack_id, time, logicalId: r.logical_id, physicalId: r.physical_id, type: r.type, status, reason, properties });
  }

  stackEvent(stack: StackRow, time: number, status: string, reason?: string | null): void {
    addEvent(this.store, { stackId: stack.stack_id, time, logicalId: stack.name, physicalId: stack.stack_id, type: STACK_TYPE, status, reason });
    updateStack(this.store, stack.stack_id, { status, status_reason: reason ?? null });
  }

  // Apply phase: create new resources, update or replace changed ones, restore them on rollback.

  lastEventTime(stackId: string): number {
    return (this.store.stmt('SELECT MAX(time) AS t FROM cfn_events WHERE stack_id = ?').get(stackId) as { t: number | null }).t ?? 0;
  }

  planDeleteAll(stackId: string): void {
    for (const r of listResources(this.store, stackId)) {
      if (r.status === '' || r.status === 'DELETE_COMPLETE') continue;
      const items = cleanupItems(r).filter((i) => i.physicalId !== r.physical_id);
      items.push({ physicalId: r.physical_id ?? '', type: r.type, properties: rowProps(r), decl: rowDecl(r), dropRow: false });
      updateResource(this.store, stackId, r.logical_id, { cleanup_json: JSON.stringify(items), cphase: 'pending', phase: null });
    }
  }

  // Cleanup phase: deletions (stack delete, rollback after a failed create, update cleanup).

  addSignal(stackId: string, logicalId: string, signal: { UniqueId: string; Status: string; Data?: string; Reason?: string }): void {
    const r = getResource(this.store, stackId, logicalId);
    if (!r) return;
    const list = rowSignals(r).filter((s) => s.UniqueId !== signal.UniqueId || r.type === 'AWS::CloudFormation::WaitConditionHandle');
    list.push(signal);
    updateResource(this.store, stackId, logicalId, { signals_json: JSON.stringify(list) });
    this.kick(stackId);
  }
}


export function identity(stack: StackRow) {
  return {
    stackId: stack.stack_id,
    stackName: stack.name,
    accountId: stack.account_id,
    region: stack.region,
    notificationArns: JSON.parse(stack.notification_arns_json) as string[],
  };
}

const runners = new WeakMap<Store, Runner>();

/**
 * One runner per engine. Starting again (a chapter reset re-runs the providers' start hooks after
 * restoring rows) keeps it, forgets its wake-ups and resumes from the rows as they now are.
 */
export function createRunner(deps: RunnerDeps): Runner {
  const existing = runners.get(deps.store);
  if (existing) {
    existing.reset();
    return existing;
  }
  const r = new Runner(deps);
  runners.set(deps.store, r);
  return r;
}

/** The engine's runner (created at provider start). */
export function runnerFor(store: Store): Runner {
  const r = runners.get(store);
  if (!r) throw new Error('the CloudFormation runner is not started for this engine');
  return r;
}
