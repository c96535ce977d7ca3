// Defects 3, 7 and 8: one `nimbus serve` per data folder (the second says who holds it), every
// file of the folder owner-only whatever the umask, and a damaged lab.db reported plainly with the
// way back instead of a stack trace.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../../src-main/engine/index';
import { main } from '../../../src-main/server/main';
import { checkLabDb, DataDirError, lockDataDir, openDataDir } from '../../../src-main/server/lab-data';

let dir: string;
const umask = process.umask();
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'nimbus-data-')));

/** Runs `nimbus serve` and answers its exit code and what it printed on stderr. */
async function serveOnce(data: string): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
  const code = await Promise.race([
    main(['serve', '--data', data, '--port', '0']),
    new Promise<number>((r) => setTimeout(() => r(-1), 15_000)),
  ]);
  return { code, stderr: lines.join('\n') };
}

describe('data folder lock', () => {
  it('a second serve on a held folder refuses and names the holder', async () => {
    fresh();
    const held = lockDataDir(dir);
    held.update({ url: 'http://127.0.0.1:4999' });
    const { code, stderr } = await serveOnce(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`in use by another nimbus (pid ${process.pid}`);
    expect(stderr).toContain('http://127.0.0.1:4999');
    expect(existsSync(join(dir, 'console-url'))).toBe(false);
    held.release();
    expect(existsSync(join(dir, 'lab.lock'))).toBe(false);
  });

  it('a lock left by a process that is gone is taken over', () => {
    fresh();
    writeFileSync(join(dir, 'lab.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: 'then' }));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirError);
    lock.release();
  });
});

describe('data folder permissions', () => {
  it('lab.db, its -wal and -shm, snapshots and older files are 0600 and folders 0700 under umask 022', () => {
    fresh();
    process.umask(0o022);
    mkdirSync(join(dir, 'old'), { mode: 0o755 });
    writeFileSync(join(dir, 'old', 'notes'), 'x', { mode: 0o644 });
    const lock = openDataDir(dir);
    const engine = createEngine({ dataDir: dir });
    engine.store.db.exec(`VACUUM INTO '${join(dir, 'snap.db')}'`);
    mkdirSync(join(dir, 'later'));
    for (const f of ['lab.db-wal', 'lab.db-shm']) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    engine.close();
    lock.release();
    const seen: string[] = [];
    const walk = (d: string): void => {
      expect(statSync(d).mode & 0o777, d).toBe(0o700);
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else {
          seen.push(n);
          expect(statSync(p).mode & 0o777, p).toBe(0o600);
        }
      }
    };
    walk(dir);
    expect(seen).toEqual(expect.arrayContaining(['lab.db', 'snap.db', 'notes']));
  });
});

describe('damaged lab.db', () => {
  it('a file that is not a database: serve says so plainly, with no stack trace', async () => {
    fresh();
    writeFileSync(join(dir, 'lab.db'), 'this is not sqlite '.repeat(400));
    const { code, stderr } = await serveOnce(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`the lab's database ${join(dir, 'lab.db')} is damaged`);
    expect(stderr).toMatch(/move .*aside/i);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a corrupt page in the middle is found at start, and the last good snapshot is offered', () => {
    fresh();
    const file = join(dir, 'lab.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB)');
    const put = db.prepare('INSERT INTO t VALUES (?, randomblob(300))');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) put.run(`key-${i}`);
    })();
    mkdirSync(join(dir, 'snapshots'));
    db.exec(`VACUUM INTO '${join(dir, 'snapshots', 'lab-fresh.db')}'`);
    db.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const page = 4096;
    const middle = Math.floor(size / page / 2) * page;
    writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, middle);
    closeSync(fd);
    let error: unknown;
    try {
      checkLabDb(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toContain('is damaged');
    expect((error as Error).message).toContain(`The last good snapshot is ${join(dir, 'snapshots', 'lab-fresh.db')}`);
  });
});
