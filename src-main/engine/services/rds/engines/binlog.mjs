// What both engines share for point-in-time restore and read replicas: the simulated clock (anchors
// the lab sends), a write log in the engine's folder (one JSON line per write, stamped with
// simulated time, like a binlog or WAL archive), a replay file a restore leaves for the engine to
// apply before it serves, and a follower that applies a primary's log as a read replica.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOG = 'nimbus-pitr.log';
export const REPLAY = 'nimbus-replay.log';
const REPLICA = 'nimbus-replica.json';

let anchor = { anchorSim: Date.now(), anchorReal: Date.now(), warp: 1 };
export function setClock(a) {
  if (a && typeof a.anchorSim === 'number' && typeof a.anchorReal === 'number' && typeof a.warp === 'number') anchor = a;
}
export const simNow = () => Math.round(anchor.anchorSim + (Date.now() - anchor.anchorReal) * anchor.warp);

let fd = null;
export function openLog(dir) {
  fd = openSync(join(dir, LOG), 'a', 0o600);
}
export function closeLog() {
  if (fd !== null) closeSync(fd);
  fd = null;
}
/** Appends one write (the engine's own statement or protocol message) with the simulated time. */
export function logWrite(entry) {
  if (fd !== null) writeSync(fd, `${JSON.stringify({ t: simNow(), ...entry })}\n`);
}

export const counters = { connections: 0, reads: 0, writes: 0 };

function parseLines(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // a torn last line (the engine was killed mid-write) is not part of the history
    }
  }
  return out;
}

/** Applies the writes a point-in-time restore left in the folder, then removes the file (they are now in the data). */
export async function replayPending(dir, apply) {
  const p = join(dir, REPLAY);
  if (!existsSync(p)) return 0;
  const entries = parseLines(readFileSync(p, 'utf8'));
  for (const e of entries) await apply(e);
  rmSync(p, { force: true });
  return entries.length;
}

/** Bytes under the folder (FreeStorageSpace). */
export function folderBytes(dir) {
  let n = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    try {
      if (name.isDirectory()) n += folderBytes(p);
      else n += statSync(p).size;
    } catch {
      // a file removed meanwhile
    }
  }
  return n;
}

/**
 * A read replica follows its primary's write log from the position it has reached (kept in its
 * folder, so a restart resumes where it was): it catches up before serving, then polls.
 */
export function follow(dir, primaryLog, apply) {
  const statePath = join(dir, REPLICA);
  let pos = 0;
  try {
    pos = JSON.parse(readFileSync(statePath, 'utf8')).pos ?? 0;
  } catch {
    pos = 0;
  }
  const state = { lagMs: 0, behind: 0 };
  let busy = false;
  let timer = null;
  async function tick() {
    if (busy) return;
    busy = true;
    try {
      let f;
      try {
        f = openSync(primaryLog, 'r');
      } catch {
        return; // the primary has no write yet (or is gone)
      }
      let chunk;
      try {
        const size = fstatSync(f).size;
        if (size <= pos) {
          state.lagMs = 0;
          state.behind = 0;
          return;
        }
        chunk = Buffer.alloc(size - pos);
        readSync(f, chunk, 0, chunk.length, pos);
      } finally {
        closeSync(f);
      }
      const end = chunk.lastIndexOf(0x0a);
      if (end < 0) return;
      const entries = parseLines(chunk.subarray(0, end).toString('utf8'));
      state.behind = entries.length;
      for (const e of entries) {
        state.lagMs = Math.max(0, simNow() - e.t);
        await apply(e);
        state.behind--;
      }
      pos += end + 1;
      writeFileSync(statePath, JSON.stringify({ pos }));
    } finally {
      busy = false;
    }
  }
  return {
    state,
    async start() {
      await tick();
      timer = setInterval(() => void tick().catch((e) => process.stderr.write(`replica: ${e?.stack ?? e}\n`)), 250);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

/** The first keyword of each statement of a MySQL query (comments skipped), for read/write decisions. */
export function mysqlKeywords(sql) {
  const out = [];
  for (const part of sql.split(';')) {
    const s = part.replace(/^(\s|--[^\n]*\n|#[^\n]*\n|\/\*(?!!)[\s\S]*?\*\/)+/, '');
    const m = /^(\/\*!\d*\s*)?([A-Za-z]+)/.exec(s);
    if (m) out.push(m[2].toUpperCase());
  }
  return out;
}
const READS = new Set(['SELECT', 'SHOW', 'DESC', 'DESCRIBE', 'EXPLAIN', 'HELP', 'USE']);
const READ_ONLY_OK = new Set([...READS, 'SET', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'DO', 'WITH', 'KILL', 'FLUSH']);
/** A query worth logging: anything but reads. */
export const mysqlWrites = (words) => words.some((w) => !READS.has(w));
/** What a read-only replica refuses. */
export const mysqlRefused = (words) => words.some((w) => !READ_ONLY_OK.has(w));

/** What both engines keep about themselves: their config (a parameter group may change it live), folder and follower. */
export const engine = { settings: {}, dataDir: '', follower: null };

/**
 * After the engine has opened its data: the replay a restore left (then `afterReplay`, which ends a
 * transaction the point in time cut through), the write log, and for a replica its follower.
 */
export async function startHistory(dir, config, apply, afterReplay) {
  engine.settings = config;
  engine.dataDir = dir;
  await replayPending(dir, apply);
  await afterReplay();
  openLog(dir);
  if (config.replicaOf) {
    engine.follower = follow(dir, config.replicaOf, apply);
    await engine.follower.start();
  }
}

export function stopHistory() {
  engine.follower?.stop();
  closeLog();
}

/** The control calls both engines answer: the clock, live settings, and the figures behind CloudWatch's metrics. */
export const historyRpc = {
  clock: (anchors) => {
    setClock(anchors);
    return true;
  },
  // A parameter group's dynamic values, applied without a restart.
  configure: ({ maxConnections }) => {
    engine.settings = { ...engine.settings, maxConnections };
    return true;
  },
  stats: () => {
    const cpu = process.cpuUsage();
    return { ...counters, cpuMicros: cpu.user + cpu.system, wallMs: Date.now(), dataBytes: folderBytes(engine.dataDir), replicaLagMs: engine.follower?.state.lagMs ?? null };
  },
};
