/**
 * Runs data planes in child processes: forked lazily on first use, stopped after an idle spell,
 * restarted after a crash, held under a memory bound, each with its own data folder under
 * `<root>/<id>/`. A caller gets a duplex byte stream (a loopback socket to the child) or answers to
 * small control calls; the main thread only forwards bytes and messages, so it never waits on the
 * engine's work.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proxyHeader } from './proxy-header';
import type { Duplex, EngineSpec, EngineState, EngineStatus, FromChild, Supervisor, ToChild } from './types';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const DEFAULT_IDLE_MS = 5 * 60_000;
const DEFAULT_MEMORY_MB = 1024;
const STOP_GRACE_MS = 10_000;
/** A crash restarts the engine at once unless it crashed this often in the last minute (then: on next use). */
const CRASH_LOOP = 3;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Entry {
  spec: EngineSpec;
  state: EngineState;
  child?: ChildProcess;
  port?: number;
  starting?: Promise<void>;
  stopping?: Promise<void>;
  streams: Set<Duplex>;
  rpcs: Map<number, Pending>;
  idleTimer?: NodeJS.Timeout;
  crashTimes: number[];
  crashes: number;
  startMs?: number;
  rssMb?: number;
  lastError?: string;
  stderrTail: string;
}

export interface SupervisorOptions {
  /** Folder for every engine's data; omitted = a temporary folder removed by dispose() (tests, in-memory labs). */
  root?: string;
  /** Where a crash or a failed start is reported (default: stderr). */
  log?(message: string): void;
}

export function createSupervisor(options: SupervisorOptions = {}): Supervisor {
  const temporary = !options.root;
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'nimbus-engines-'));
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const log = options.log ?? ((m: string) => console.error(`[nimbus] ${m}`));
  const entries = new Map<string, Entry>();
  let rpcSeq = 0;
  let disposed = false;

  const get = (id: string): Entry => {
    const e = entries.get(id);
    if (!e) throw new Error(`engine ${id} is not defined`);
    return e;
  };

  const statusOf = (e: Entry): EngineStatus => ({
    id: e.spec.id,
    state: e.state,
    ...(e.child?.pid !== undefined && e.state !== 'stopped' && e.state !== 'crashed' ? { pid: e.child.pid } : {}),
    ...(e.startMs !== undefined ? { startMs: e.startMs } : {}),
    ...(e.rssMb !== undefined ? { rssMb: e.rssMb } : {}),
    crashes: e.crashes,
    streams: e.streams.size,
    ...(e.lastError ? { lastError: e.lastError } : {}),
  });

  const setState = (e: Entry, state: EngineState): void => {
    e.state = state;
    sup.onChange?.(statusOf(e));
  };

  const dataDir = (id: string): string => {
    if (!ID.test(id)) throw new Error(`bad engine id ${JSON.stringify(id)}`);
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  };

  const send = (e: Entry, msg: ToChild): void => {
    if (e.child?.connected) e.child.send(msg);
  };

  /** Idle = no stream and no call in flight; the timer is wall-clock (it frees memory, it is not simulated behaviour). */
  const touch = (e: Entry): void => {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    e.idleTimer = undefined;
    if (e.state !== 'running' || e.streams.size > 0 || e.rpcs.size > 0) return;
    e.idleTimer = setTimeout(() => void stopEntry(e), e.spec.idleMs ?? DEFAULT_IDLE_MS);
    e.idleTimer.unref();
  };

  function onExit(e: Entry, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (e.child !== child) return;
    e.child = undefined;
    e.port = undefined;
    for (const s of e.streams) s.destroy();
    e.streams.clear();
    const why = e.lastError ?? `exited with ${signal ?? `code ${code}`}${e.stderrTail ? `: ${e.stderrTail.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
    for (const p of e.rpcs.values()) p.reject(new Error(`engine ${e.spec.id} ${why}`));
    e.rpcs.clear();
    if (e.state === 'stopping' || e.state === 'stopped') {
      setState(e, 'stopped');
      return;
    }
    e.crashes++;
    e.lastError = why;
    const now = Date.now();
    e.crashTimes = [...e.crashTimes.filter((t) => now - t < 60_000), now];
    log(`engine ${e.spec.id} crashed (${why})`);
    setState(e, 'crashed');
    if (!disposed && e.state === 'crashed' && e.crashTimes.length < CRASH_LOOP && e.starting === undefined) {
      // Restart right away so a client's retry finds it up; a crash loop waits for the next use instead.
      void startEntry(e).catch(() => undefined);
    }
  }

  function startEntry(e: Entry): Promise<void> {
    if (e.state === 'running') return Promise.resolve();
    if (e.starting) return e.starting;
    if (disposed) return Promise.reject(new Error('the lab is closing'));
    const spec = e.spec;
    const begun = performance.now();
    const dir = dataDir(spec.id);
    setState(e, 'starting');
    e.lastError = undefined;
    e.stderrTail = '';
    const memoryMb = spec.memoryMb ?? DEFAULT_MEMORY_MB;
    const starting = new Promise<void>((resolve, reject) => {
      const child = fork(spec.program, [], {
        // Never the parent's flags (test runners' loaders); a heap cap for the child's own JS.
        execArgv: [`--max-old-space-size=${Math.max(64, Math.floor(memoryMb / 4))}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        serialization: 'json',
      });
      e.child = child;
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        e.stderrTail = (e.stderrTail + chunk).slice(-4000);
      });
      const timer = setTimeout(() => {
        e.lastError = `did not start within ${(spec.startTimeoutMs ?? 60_000) / 1000} s`;
        child.kill('SIGKILL');
      }, spec.startTimeoutMs ?? 60_000);
      timer.unref();
      child.on('message', (raw) => {
        const msg = raw as FromChild;
        switch (msg.type) {
          case 'ready':
            clearTimeout(timer);
            e.port = msg.port;
            e.startMs = Math.round(performance.now() - begun);
            setState(e, 'running');
            touch(e);
            resolve();
            break;
          case 'failed':
            clearTimeout(timer);
            e.lastError = msg.message;
            child.kill('SIGKILL');
            break;
          case 'stats':
            e.rssMb = Math.round(msg.rss / 1048576);
            if (e.rssMb > memoryMb) {
              e.lastError = `used ${e.rssMb} MB, over its ${memoryMb} MB bound`;
              child.kill('SIGKILL');
            }
            break;
          case 'rpc-reply': {
            const p = e.rpcs.get(msg.id);
            e.rpcs.delete(msg.id);
            if (msg.error !== undefined) p?.reject(new Error(msg.error));
            else p?.resolve(msg.result);
            touch(e);
            break;
          }
          case 'stopped':
            break;
        }
      });
      child.on('error', (err) => {
        e.lastError = err.message;
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const wasStarting = e.state === 'starting';
        onExit(e, child, code, signal);
        if (wasStarting) reject(new Error(`engine ${spec.id} did not start: ${e.lastError ?? 'exited'}`));
      });
      // The child must not keep a finished test or CLI alive; the lab's servers keep the loop running.
      child.unref();
      (child.channel as { unref?(): void } | undefined)?.unref?.();
      send(e, { type: 'open', dataDir: dir, config: spec.config ?? {} });
    });
    e.starting = starting.finally(() => {
      e.starting = undefined;
    });
    return e.starting;
  }

  function stopEntry(e: Entry): Promise<void> {
    if (e.stopping) return e.stopping;
    const child = e.child;
    if (!child || e.state === 'stopped' || e.state === 'crashed') {
      if (e.state !== 'crashed') setState(e, 'stopped');
      return Promise.resolve();
    }
    if (e.idleTimer) clearTimeout(e.idleTimer);
    setState(e, 'stopping');
    e.stopping = new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      kill.unref();
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      for (const s of e.streams) s.destroy();
      send(e, { type: 'stop' });
      if (!child.connected) child.kill('SIGTERM');
    }).finally(() => {
      e.stopping = undefined;
    });
    return e.stopping;
  }

  async function ensureRunning(e: Entry): Promise<void> {
    if (e.stopping) await e.stopping;
    await startEntry(e);
  }

  const sup: Supervisor = {
    root,
    define(spec) {
      dataDir(spec.id);
      const e = entries.get(spec.id);
      if (e) e.spec = spec;
      else entries.set(spec.id, { spec, state: 'stopped', streams: new Set(), rpcs: new Map(), crashTimes: [], crashes: 0, stderrTail: '' });
    },
    has: (id) => entries.has(id),
    async connect(id, source) {
      const e = get(id);
      await ensureRunning(e);
      const port = e.port;
      if (port === undefined) throw new Error(`engine ${id} is not running`);
      const socket = netConnect({ port, host: '127.0.0.1' });
      socket.setNoDelay(true);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      socket.write(proxyHeader(source ?? { sourceIp: '127.0.0.1' }));
      e.streams.add(socket);
      touch(e);
      socket.once('close', () => {
        e.streams.delete(socket);
        touch(e);
      });
      return socket;
    },
    async request<T>(id: string, method: string, args?: unknown): Promise<T> {
      const e = get(id);
      await ensureRunning(e);
      const seq = ++rpcSeq;
      const answer = new Promise<unknown>((resolve, reject) => e.rpcs.set(seq, { resolve, reject }));
      touch(e);
      send(e, { type: 'rpc', id: seq, method, args: args ?? null });
      return (await answer) as T;
    },
    start: (id) => ensureRunning(get(id)),
    stop: (id) => stopEntry(get(id)),
    async remove(id, opts) {
      const e = entries.get(id);
      if (e) await stopEntry(e);
      entries.delete(id);
      if (opts?.deleteData) rmSync(join(root, id), { recursive: true, force: true });
    },
    status: (id) => {
      const e = entries.get(id);
      return e ? statusOf(e) : undefined;
    },
    dataDir,
    async dispose() {
      disposed = true;
      await Promise.all([...entries.values()].map((e) => stopEntry(e)));
      if (temporary) rmSync(root, { recursive: true, force: true });
    },
  };
  return sup;
}
