/**
 * Opening a lab's data folder for `nimbus serve`: owner-only permissions whatever the umask, one
 * process at a time (a lock file naming its holder), and an integrity check of lab.db before the
 * engine opens it, with a plain message and the way back when it is damaged.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ensureDir } from './data-dir';

/** Something about the data folder the user must act on; the message is printed as is. */
export class DataDirError extends Error {}

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** The holder's console URL, once it listens. */
  url?: string;
}

export interface DataDirLock {
  readonly file: string;
  /** Records where the holder listens, for the next one who finds the folder taken. */
  update(info: Partial<LockInfo>): void;
  release(): void;
}

/** Folders 0700, files 0600, everywhere in the folder (older labs were made under a looser umask). */
export function securePermissions(dir: string): void {
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) securePermissions(path);
    else if ((st.mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `<dir>/lab.lock` (created exclusively). A lock whose process is gone (on this machine) is
 * stale and taken over; a live one is refused with who holds it.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, 'lab.lock');
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(file);
      // A lock being written this instant reads as empty: look again rather than steal it.
      if (!held && Date.now() - statSync(file).mtimeMs < 2000) continue;
      if (held && (held.host !== info.host || alive(held.pid))) {
        const where = held.url ? `, console ${held.url}` : '';
        throw new DataDirError(
          `the data folder ${dir} is in use by another nimbus (pid ${held.pid} on ${held.host}, since ${held.startedAt}${where}).\n` +
            `Stop that one first, or start this one with another folder: --data DIR.`,
        );
      }
      rmSync(file, { force: true }); // its holder is gone
      continue;
    }
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    };
    process.once('exit', release);
    return {
      file,
      update(more) {
        Object.assign(info, more);
        writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
      },
      release() {
        process.removeListener('exit', release);
        release();
      },
    };
  }
  throw new DataDirError(`cannot take the lock ${file}; remove it if no nimbus is running.`);
}

/** The newest snapshot that itself reads clean, to restore from. */
function lastGoodSnapshot(dir: string): string | undefined {
  const folder = join(dir, 'snapshots');
  if (!existsSync(folder)) return undefined;
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.db'))
    .map((f) => join(folder, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files.find((f) => integrityProblem(f) === undefined);
}

/** undefined when SQLite finds the file sound; else what it says is wrong. */
export function integrityProblem(file: string): string | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    const bad = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return bad.length ? bad.join('; ') : undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}

/** Checks lab.db (when there is one) before the engine opens it. */
export function checkLabDb(dir: string): void {
  const file = join(dir, 'lab.db');
  if (!existsSync(file)) return;
  const problem = integrityProblem(file);
  if (!problem) return;
  const snapshot = lastGoodSnapshot(dir);
  const restore = snapshot
    ? `The last good snapshot is ${snapshot}. To go back to it: move ${file} (and lab.db-wal, lab.db-shm) aside, copy the snapshot to ${file}, and start again.`
    : `No good snapshot was found in ${join(dir, 'snapshots')}. Move ${file} (and lab.db-wal, lab.db-shm) aside to start a fresh lab, or start with another folder: --data DIR.`;
  throw new DataDirError(`the lab's database ${file} is damaged (SQLite: ${problem}).\n${restore}`);
}

/**
 * Everything `serve` does to a data folder before the engine opens it. The umask applies to every
 * file the lab makes later (lab.db-wal, snapshots, imported book code).
 */
export function openDataDir(dir: string): DataDirLock {
  process.umask(0o077);
  ensureDir(dir);
  securePermissions(dir);
  const lock = lockDataDir(dir);
  try {
    checkLabDb(dir);
  } catch (e) {
    lock.release();
    throw e;
  }
  return lock;
}
