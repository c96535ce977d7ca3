/**
 * Whole-database snapshots for chapter resets.
 *
 * Taking one: `VACUUM INTO '<file>'` writes a consistent copy of the live database in one statement
 * (no transaction may be open, which holds between calls: handlers are synchronous).
 *
 * Restoring one while the engine runs: the engine has exactly one better-sqlite3 connection, and
 * every layer holds prepared statements on it, so the connection cannot be swapped. Instead the
 * snapshot file is ATTACHed to that connection and every table's rows are replaced from it inside
 * one IMMEDIATE transaction with foreign keys deferred: other code sees the old state or the new
 * one, never a mix. Left untouched: the labs' own tables (progress survives a reset), the schema
 * bookkeeping (_migrations), the event history (a log of what happened, not cloud state) and the
 * saved clock offset (simulated time never runs backwards). Lifecycles scheduled in memory on the
 * clock are restarted from the restored rows by the injected `afterRestore` hook.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store/store';

const KEEP_TABLES = /^(labs_.*|_migrations|events|sqlite_.*)$/;
const KEEP_META_KEYS = ['clock_offset_ms'];

export class Snapshots {
  readonly dir: string;
  private readonly temporary: boolean;

  constructor(
    private readonly store: Store,
    dataDir: string | undefined,
  ) {
    this.temporary = !dataDir;
    this.dir = dataDir ? join(dataDir, 'snapshots') : mkdtempSync(join(tmpdir(), 'nimbus-snapshots-'));
    mkdirSync(this.dir, { recursive: true });
  }

  path(name: string): string {
    if (!/^[a-z0-9-]{1,64}$/.test(name)) throw new Error(`bad snapshot name '${name}'`);
    return join(this.dir, `${name}.db`);
  }

  has(name: string): boolean {
    return existsSync(this.path(name));
  }

  take(name: string): string {
    const file = this.path(name);
    rmSync(file, { force: true });
    this.store.db.prepare('VACUUM INTO ?').run(file);
    return name;
  }

  restore(name: string): void {
    const file = this.path(name);
    if (!existsSync(file)) throw new Error(`the snapshot '${name}' is missing from ${this.dir}`);
    const db = this.store.db;
    db.prepare("ATTACH DATABASE ? AS snap").run(file);
    try {
      const tables = (
        db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as { name: string }[]
      )
        .map((r) => r.name)
        .filter((t) => !KEEP_TABLES.test(t));
      const snapTables = new Set(
        (db.prepare("SELECT name FROM snap.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      const columns = (schema: string, table: string): string[] =>
        (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((r) => r.name);
      const q = (id: string): string => `"${id.replaceAll('"', '""')}"`;
      this.store.tx(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const t of tables) {
          const keepMeta = t === 'lab_meta';
          const where = keepMeta ? ` WHERE key NOT IN (${KEEP_META_KEYS.map(() => '?').join(', ')})` : '';
          const args = keepMeta ? KEEP_META_KEYS : [];
          db.prepare(`DELETE FROM main.${q(t)}${where}`).run(...args);
          if (!snapTables.has(t)) continue;
          const snapCols = new Set(columns('snap', t));
          const cols = columns('main', t).filter((c) => snapCols.has(c)).map(q).join(', ');
          db.prepare(`INSERT INTO main.${q(t)} (${cols}) SELECT ${cols} FROM snap.${q(t)}${where}`).run(...args);
        }
        if (snapTables.has('sqlite_sequence')) {
          db.prepare(`DELETE FROM main.sqlite_sequence WHERE name NOT LIKE 'labs\\_%' ESCAPE '\\' AND name <> 'events'`).run();
          db.prepare(
            `INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM snap.sqlite_sequence
             WHERE name NOT LIKE 'labs\\_%' ESCAPE '\\' AND name <> 'events'`,
          ).run();
        }
      });
    } finally {
      db.prepare('DETACH DATABASE snap').run();
    }
  }

  /** In-memory labs keep their snapshots in a temporary folder, removed here. */
  dispose(): void {
    if (this.temporary) rmSync(this.dir, { recursive: true, force: true });
  }
}
