/**
 * The Redis data plane's program: one node's RedisServer in a child process of its own, run by the
 * supervisor (engine/supervisor). Its dataset is saved to `dump.json` in its data folder (after
 * changes, at most once a second, and on stop), like Redis's RDB file, and loaded back at start.
 * Time is the lab's simulated clock, handed over as anchors (and again whenever the lab steps it).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { runEngine } from '../../../supervisor/child-harness.mjs';
import { RedisServer } from './server';

export interface ClockAnchors {
  anchorSim: number;
  anchorReal: number;
  warp: number;
}

export interface RedisNodeConfig {
  password?: string;
  maxmemory?: number;
  maxmemoryPolicy?: string;
  clock: ClockAnchors;
  /** CONFIG values from the cluster's parameter group (maxmemory-policy, timeout...). */
  settings?: Record<string, string>;
  /** A snapshot (base64 of the dataset) to start from: a restore. Used only when no dump exists yet. */
  seed?: string;
}

let anchors: ClockAnchors = { anchorSim: Date.now(), anchorReal: Date.now(), warp: 1 };
const now = (): number => anchors.anchorSim + (Date.now() - anchors.anchorReal) * anchors.warp;

let server: RedisServer | undefined;
let dumpPath = '';
let timers: NodeJS.Timeout[] = [];

function write(snapshot: Buffer): void {
  const tmp = `${dumpPath}.tmp`;
  writeFileSync(tmp, snapshot, { mode: 0o600 });
  renameSync(tmp, dumpPath);
}

runEngine({
  async open(dataDir: string, raw: Record<string, unknown>) {
    const config = raw as unknown as RedisNodeConfig;
    anchors = config.clock;
    dumpPath = join(dataDir, 'dump.json');
    const initial = existsSync(dumpPath) ? readFileSync(dumpPath) : config.seed ? Buffer.from(config.seed, 'base64') : undefined;
    server = new RedisServer({
      now,
      ...(config.password ? { password: config.password } : {}),
      ...(config.maxmemory ? { maxmemory: config.maxmemory } : {}),
      ...(config.maxmemoryPolicy ? { maxmemoryPolicy: config.maxmemoryPolicy } : {}),
      persist: write,
      ...(initial ? { initial } : {}),
    });
    for (const [k, v] of Object.entries(config.settings ?? {})) server.config.set(k, v);
    // Active expiry ten times a second (Redis's hz 10); a save after changes once a second.
    timers = [setInterval(() => server?.tick(), 100), setInterval(() => server?.maybeSave(), 1000)];
  },
  connection(socket: Socket, source: { sourceIp: string; sourcePort: number }) {
    socket.setNoDelay(true);
    const conn = server!.connect(
      (b) => socket.write(b),
      () => socket.end(),
      `${source.sourceIp}:${source.sourcePort}`,
    );
    socket.on('data', (chunk: Buffer) => conn.feed(chunk));
    socket.on('close', () => conn.end());
  },
  rpc: {
    clock(args: unknown) {
      anchors = args as ClockAnchors;
      server?.tick();
      return true;
    },
    /** New parameter group values, applied as CONFIG SET would. */
    configSet(args: unknown) {
      for (const [k, v] of Object.entries(args as Record<string, string>)) server?.config.set(k, v);
      return true;
    },
    /** The dataset, for CreateSnapshot. */
    dump() {
      return server!.serialize().toString('base64');
    },
    stats() {
      const s = server!;
      return {
        connections: [...s.clients()].length,
        hits: s.stats.hits,
        misses: s.stats.misses,
        evictions: s.stats.evicted,
        commands: s.stats.commands,
        usedMemory: s.usedMemory(),
        keys: s.dbs.reduce((n, db) => n + db.size(), 0),
        // The node process's own CPU time (µs) and the wall clock it was read at: CPUUtilization is their ratio.
        cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
        wallMs: Date.now(),
      };
    },
  },
  async close() {
    for (const t of timers) clearInterval(t);
    server?.save();
  },
});
