/**
 * RDS's data plane for one lab: the supervisor running each DB instance's engine, the jobs that
 * move engine folders (snapshots, restores, deletion), and the clock wake-ups that carry a status
 * change's side effects (an engine stops when its instance reaches `stopped`). Keyed by the lab's
 * store, since handlers get the store and the provider's `start` builds this once per engine.
 */
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../clock/clock';
import type { ServiceStart } from '../../core/provider';
import type { Call } from '../../protocol/types';
import type { Store } from '../../store/store';
import { copyDir, createSupervisor, type Supervisor } from '../../supervisor';
import { engineFamily } from './engines';
import { effectiveStatus, type InstanceRow } from './state/instances';

export interface RdsRuntime {
  supervisor: Supervisor;
  store: Store;
  clock: Clock;
  call?: Call;
  templatesDir: string;
  snapshotsDir: string;
  /** Per engine, the chain of folder jobs (restore, snapshot, delete) a connection waits behind. */
  jobs: Map<string, Promise<void>>;
  /** Armed clock wake-ups per instance resource id. */
  wakeups: Map<string, () => void>;
  log(message: string): void;
}

const runtimes = new WeakMap<Store, RdsRuntime>();

export function createRuntime(engine: ServiceStart): RdsRuntime {
  const root = engine.dataDir ? join(engine.dataDir, 'engines') : undefined;
  const log = (m: string) => console.error(`[nimbus] rds: ${m}`);
  // The lab's one supervisor (the composition root hands it over); a bare engine gets its own.
  const supervisor = engine.supervisor ?? createSupervisor({ ...(root ? { root } : {}), log: (m) => log(m) });
  const rt: RdsRuntime = {
    supervisor,
    store: engine.store,
    clock: engine.clock,
    ...(engine.call ? { call: engine.call } : {}),
    // A fresh PostgreSQL cluster (initdb) takes seconds: made once per lab folder (or per machine for in-memory labs), then copied.
    templatesDir: engine.dataDir ? join(supervisor.root, '_templates') : join(tmpdir(), 'nimbus-engine-templates'),
    snapshotsDir: join(supervisor.root, '_snapshots'),
    jobs: new Map(),
    wakeups: new Map(),
    log,
  };
  mkdirSync(rt.templatesDir, { recursive: true, mode: 0o700 });
  mkdirSync(rt.snapshotsDir, { recursive: true, mode: 0o700 });
  runtimes.set(engine.store, rt);
  live.add(new WeakRef(rt));
  return rt;
}

/** Every started runtime (one per open lab; tests may open several in one process), for the network. */
const live = new Set<WeakRef<RdsRuntime>>();
export function liveRuntimes(): RdsRuntime[] {
  const out: RdsRuntime[] = [];
  for (const ref of live) {
    const rt = ref.deref();
    // A closed lab's runtime is gone for good (its database is closed): forget it.
    if (rt && rt.store.db.open) out.push(rt);
    else live.delete(ref);
  }
  return out;
}

export function runtimeOf(store: Store): RdsRuntime {
  const rt = runtimes.get(store);
  if (!rt) throw new Error('RDS has not been started on this engine');
  return rt;
}

/** Statuses in which the engine answers connections. */
const SERVING = new Set(['available', 'backing-up', 'modifying', 'resetting-master-credentials', 'configuring-enhanced-monitoring', 'storage-optimization', 'upgrading']);
export const isServing = (row: InstanceRow, now: number): boolean => SERVING.has(effectiveStatus(row, now));

/** The simulated clock as the engines compute it (sim time at a real instant, and the warp). */
export const anchors = (rt: RdsRuntime) => ({ anchorSim: rt.clock.now(), anchorReal: Date.now(), warp: rt.clock.warp });

/** An engine's write log (point-in-time restore and replicas read it). */
export const LOG_FILE = 'nimbus-pitr.log';
export const logPath = (rt: RdsRuntime, resourceId: string): string => join(engineDir(rt, resourceId), LOG_FILE);

/** Tells the supervisor how to run this instance's engine (its credentials may have changed). */
export function defineEngine(rt: RdsRuntime, row: InstanceRow): void {
  const f = engineFamily(row.engine);
  if (!f) return;
  const extra = JSON.parse(row.extra) as { replicaOfResourceId?: string; engineParameters?: Record<string, string> };
  rt.supervisor.define({
    id: row.resource_id,
    program: f.program,
    memoryMb: f.memoryMb,
    // A first PostgreSQL start makes the template cluster (initdb): slow on a busy machine.
    startTimeoutMs: 5 * 60_000,
    config: {
      masterUsername: row.master_username,
      masterPassword: row.master_password,
      dbName: row.db_name,
      templateDir: join(rt.templatesDir, `${f.family}-${process.versions.modules}`),
      engine: row.engine,
      clock: anchors(rt),
      // A read replica follows its primary's write log and refuses writes of its own.
      ...(extra.replicaOfResourceId ? { readOnly: true, replicaOf: logPath(rt, extra.replicaOfResourceId) } : {}),
      ...(extra.engineParameters?.max_connections ? { maxConnections: Number(extra.engineParameters.max_connections) } : {}),
    },
  });
}

/** Runs `job` after the engine's earlier folder jobs; failures are logged, not thrown at the next one. */
export function enqueue(rt: RdsRuntime, resourceId: string, job: () => Promise<void>): Promise<void> {
  const prev = rt.jobs.get(resourceId) ?? Promise.resolve();
  const next = prev.then(job).catch((err: unknown) => rt.log(`${resourceId}: ${err instanceof Error ? err.message : String(err)}`));
  rt.jobs.set(resourceId, next);
  void next.then(() => {
    if (rt.jobs.get(resourceId) === next) rt.jobs.delete(resourceId);
  });
  return next;
}

export const engineDir = (rt: RdsRuntime, resourceId: string): string => join(rt.supervisor.root, resourceId);
export const snapshotDir = (rt: RdsRuntime, snapshotResourceId: string): string => join(rt.snapshotsDir, snapshotResourceId);

/** Starts the engine in the background so the first client does not wait for it. */
export function prewarm(rt: RdsRuntime, row: InstanceRow): void {
  defineEngine(rt, row);
  void enqueue(rt, row.resource_id, () => rt.supervisor.start(row.resource_id));
}

/** Copies a stopped engine's folder into a snapshot folder (stop first: the copy must be consistent). */
export function snapshotJob(rt: RdsRuntime, instanceResourceId: string, snapshotResourceId: string, done: (ok: boolean) => void): Promise<void> {
  return enqueue(rt, instanceResourceId, async () => {
    await new Promise((r) => setImmediate(r)); // after the handler's commit
    let ok = false;
    try {
      if (rt.supervisor.has(instanceResourceId)) await rt.supervisor.stop(instanceResourceId);
      const from = engineDir(rt, instanceResourceId);
      if (!existsSync(from)) mkdirSync(from, { recursive: true, mode: 0o700 });
      await copyDir(from, snapshotDir(rt, snapshotResourceId));
      ok = true;
    } finally {
      done(ok);
    }
  });
}

/** Writes after a backup, up to a point in time: what a point-in-time restore replays on the backup's copy. */
export interface ReplayRange {
  /** The source instance's write log. */
  log: string;
  /** Bytes of that log the backup already contains. */
  offset: number;
  /** Simulated time of the last write to keep. */
  until: number;
}

/** Bytes of the write log inside a snapshot's folder (where the source's log stood when it was copied). */
export function snapshotLogOffset(rt: RdsRuntime, snapshotResourceId: string): number {
  try {
    return statSync(join(snapshotDir(rt, snapshotResourceId), LOG_FILE)).size;
  } catch {
    return 0;
  }
}

/** The writes of `range`, one JSON line each, as the engine's replay file wants them. */
async function writesIn(range: ReplayRange): Promise<string> {
  let text: string;
  try {
    text = (await readFile(range.log)).subarray(range.offset).toString('utf8');
  } catch {
    return '';
  }
  const end = text.lastIndexOf('\n');
  const out: string[] = [];
  for (const line of text.slice(0, end + 1).split('\n')) {
    if (!line) continue;
    const t = (JSON.parse(line) as { t: number }).t;
    if (t > range.until) break;
    out.push(line);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** A restored instance's folder is a copy of its snapshot's, made before its engine first starts. */
export function restoreJob(rt: RdsRuntime, row: InstanceRow, snapshotResourceId: string, replay?: ReplayRange, replicaPos?: number): Promise<void> {
  return enqueue(rt, row.resource_id, async () => {
    const marker = join(engineDir(rt, row.resource_id), '.nimbus-restored');
    if (existsSync(marker)) return;
    await copyDir(snapshotDir(rt, snapshotResourceId), engineDir(rt, row.resource_id));
    const dir = engineDir(rt, row.resource_id);
    // The engine resets the master password from its config when it opens.
    rmSync(join(dir, 'nimbus-master.json'), { force: true });
    // This instance's own history starts now; a replica's position in its primary's log does not come along.
    rmSync(join(dir, LOG_FILE), { force: true });
    rmSync(join(dir, 'nimbus-replica.json'), { force: true });
    // Point in time: the source's writes after the backup, applied by the engine before it serves (after any replay the backup still holds).
    if (replay) appendFileSync(join(dir, 'nimbus-replay.log'), await writesIn(replay), { mode: 0o600 });
    // A read replica starts from its primary's backup and follows the primary's log from where that backup stands.
    if (replicaPos !== undefined) writeFileSync(join(dir, 'nimbus-replica.json'), JSON.stringify({ pos: replicaPos }));
    mkdirSync(engineDir(rt, row.resource_id), { recursive: true });
    writeFileSync(marker, snapshotResourceId);
  });
}

export function removeEngine(rt: RdsRuntime, resourceId: string): Promise<void> {
  return enqueue(rt, resourceId, () => rt.supervisor.remove(resourceId, { deleteData: true }).then(() => rmSync(engineDir(rt, resourceId), { recursive: true, force: true })));
}


