/**
 * RDS engine start-up and memory (`node --import tsx bench/rds-engines.ts`): for MariaDB
 * (lite4mariadb) and PostgreSQL (PGlite), the first start on a fresh folder, a start from stopped
 * with data in it (the "cold start from stopped" of issue #21), the first query's round trip, and
 * the resident size reported by the child. Baseline in the same run: the same supervisor starting a
 * child that loads nothing (fork + Node start-up + harness), so the ratios show what the engine adds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSupervisor, programPath } from '../src-main/engine/supervisor';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = mkdtempSync(join(tmpdir(), 'nimbus-rds-bench-'));
const sup = createSupervisor({ root, log: () => undefined });
// The supervisor does not hold the process open for its children: this run does.
const keepAlive = setInterval(() => undefined, 1000);
const clock = { anchorSim: Date.now(), anchorReal: Date.now(), warp: 1 };

// A child that opens nothing: what any engine pays before its own work.
const bare = join(root, 'bare.mjs');
writeFileSync(bare, `import { runEngine } from ${JSON.stringify(programPath('supervisor/child-harness.mjs'))};\nrunEngine({ async open() {}, connection(s) { s.end(); }, rpc: { ping: () => 1 } });\n`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(id: string, program: string, config: Record<string, unknown>, probe: string) {
  sup.define({ id, program, config, memoryMb: 1536, startTimeoutMs: 300_000 });
  let t = performance.now();
  await sup.start(id);
  const first = performance.now() - t;
  const warm: number[] = [];
  const query: number[] = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    await sup.stop(id);
    t = performance.now();
    await sup.start(id);
    warm.push(performance.now() - t);
    t = performance.now();
    await sup.request(id, probe === 'ping' ? 'ping' : 'query', { sql: probe });
    query.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 2100)); // the child reports its RSS every 2 s
    rss = Math.max(rss, sup.status(id)?.rssMb ?? 0);
  }
  await sup.stop(id);
  return { firstStartMs: Math.round(first), startFromStoppedMs: Math.round(median(warm)), firstQueryMs: Math.round(median(query)), rssMb: Math.round(rss) };
}

const base = await measure('bare', bare, {}, 'ping');
const templateDir = join(root, '_templates', 'postgres');
const mariadb = await measure('mariadb', programPath('services/rds/engines/mariadb.mjs'), { masterUsername: 'admin', masterPassword: 'admin-secret', dbName: 'shop', clock, engine: 'mysql' }, 'SELECT 1');
const postgres = await measure('postgres', programPath('services/rds/engines/postgres.mjs'), { masterUsername: 'master', masterPassword: 'master-secret', templateDir, clock }, 'SELECT 1');
await sup.dispose();
clearInterval(keepAlive);
rmSync(root, { recursive: true, force: true });

const row = (name: string, r: typeof base) =>
  `${name.padEnd(10)} first start ${String(r.firstStartMs).padStart(6)} ms   from stopped ${String(r.startFromStoppedMs).padStart(6)} ms (${(r.startFromStoppedMs / base.startFromStoppedMs).toFixed(1)}× bare)   first query ${String(r.firstQueryMs).padStart(4)} ms   RSS ${String(r.rssMb).padStart(4)} MB (${(r.rssMb / base.rssMb).toFixed(1)}× bare)`;
console.log(`RDS engines (median of ${RUNS} starts from stopped; goals: ≤ 2000 ms, ≤ 300 MB)`);
console.log(row('bare child', base));
console.log(row('MariaDB', mariadb));
console.log(row('PostgreSQL', postgres));
console.log(JSON.stringify({ bare: base, mariadb, postgres }));
