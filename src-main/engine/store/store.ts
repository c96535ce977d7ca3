/**
 * The SQLite store. One connection per engine (better-sqlite3 is synchronous, so a handler's
 * transaction cannot interleave with another request's). WAL + synchronous=NORMAL survives a
 * process kill without losing a committed transaction, which is the durability the lab promises.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface Migration {
  /** Scope name, usually the owning folder ('core', 's3', 'ec2'...). Versions count per scope. */
  scope: string;
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

export interface Store {
  readonly db: Db;
  /** Run fn in one IMMEDIATE transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
  /** Run fn in a DEFERRED transaction: consistent reads, a write lock only if fn writes. */
  read<T>(fn: () => T): T;
  /** Prepared statements are cached by SQL text; preparing is the costly part of a small query. */
  stmt(sql: string): Database.Statement;
  close(): void;
}

export function openStore(file: string, migrations: readonly Migration[]): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return {
    db,
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
    stmt,
    close: () => db.close(),
  };
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    scope TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (scope, version))`);
  const applied = new Set(
    (db.prepare('SELECT scope, version FROM _migrations').all() as { scope: string; version: number }[]).map(
      (r) => `${r.scope}/${r.version}`,
    ),
  );
  const pending = migrations
    .filter((m) => !applied.has(`${m.scope}/${m.version}`))
    .sort((a, b) => (a.scope === b.scope ? a.version - b.version : 0));
  if (pending.length === 0) return;
  const record = db.prepare('INSERT INTO _migrations (scope, version, name, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      record.run(m.scope, m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
