/**
 * One suite, two filesystems: just-bash's in-memory FS (the reference) and the guest's SQLite-backed
 * one. What the shell relies on must behave the same on both.
 */
import { describe, expect, it } from 'vitest';
import { InMemoryFs } from 'just-bash';
import { openStore } from '../../../src-main/engine/store/store';
import { guestMigrations } from '../../../src-main/engine/guest/migrations';
import { GuestFs } from '../../../src-main/engine/guest/fs/guest-fs';
import { createVolumeBackend, ensureVolume, formatVolume } from '../../../src-main/engine/guest/fs/volume';

interface Fs {
  readFile(p: string): Promise<string>;
  readFileBuffer(p: string): Promise<Uint8Array>;
  writeFile(p: string, c: string | Uint8Array): Promise<void>;
  appendFile(p: string, c: string): Promise<void>;
  exists(p: string): Promise<boolean>;
  stat(p: string): Promise<{ isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean; size: number; mode: number }>;
  lstat(p: string): Promise<{ isSymbolicLink: boolean }>;
  mkdir(p: string, o?: { recursive?: boolean }): Promise<void>;
  readdir(p: string): Promise<string[]>;
  rm(p: string, o?: { recursive?: boolean; force?: boolean }): Promise<void>;
  cp(a: string, b: string, o?: { recursive?: boolean }): Promise<void>;
  mv(a: string, b: string): Promise<void>;
  chmod(p: string, m: number): Promise<void>;
  symlink(t: string, l: string): Promise<void>;
  readlink(p: string): Promise<string>;
  realpath(p: string): Promise<string>;
  resolvePath(b: string, p: string): string;
}

function sqliteFs(): Fs {
  const store = openStore(':memory:', guestMigrations);
  ensureVolume(store, 'vol-data-1', 8 * 2 ** 30, 0);
  formatVolume(store, 'vol-data-1', 'ext4', 0);
  const fs = new GuestFs({
    mounts: [{ point: '/', backend: createVolumeBackend(store, 'vol-data-1'), source: '/dev/xvda1', fsType: 'ext4', options: 'rw' }],
    credentials: () => ({ uid: 0, gid: 0, groups: [0] }),
    now: () => Date.UTC(2026, 0, 1),
  });
  return fs as unknown as Fs;
}

const impls: [string, () => Fs][] = [
  ['just-bash InMemoryFs', () => new InMemoryFs() as unknown as Fs],
  ['guest SQLite fs', sqliteFs],
];

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: Error) => e.message.split(':')[0]!,
  );

describe.each(impls)('filesystem contract: %s', (_name, make) => {
  it('writes, reads, appends and stats files', async () => {
    const fs = make();
    await fs.mkdir('/data', { recursive: true });
    await fs.writeFile('/data/a.txt', 'hello');
    await fs.appendFile('/data/a.txt', ' world\n');
    expect(await fs.readFile('/data/a.txt')).toBe('hello world\n');
    const st = await fs.stat('/data/a.txt');
    expect([st.isFile, st.isDirectory, st.size]).toEqual([true, false, 12]);
    expect((await fs.stat('/data')).isDirectory).toBe(true);
    await fs.writeFile('/data/bin', new Uint8Array([0, 255, 10]));
    expect([...(await fs.readFileBuffer('/data/bin'))]).toEqual([0, 255, 10]);
  });

  it('answers ENOENT, EEXIST, ENOTDIR, ENOTEMPTY like Node', async () => {
    const fs = make();
    await fs.mkdir('/d', { recursive: true });
    await fs.writeFile('/d/f', 'x');
    expect(await codeOf(fs.readFile('/nope'))).toBe('ENOENT');
    expect(await codeOf(fs.stat('/nope/deeper'))).toBe('ENOENT');
    expect(await codeOf(fs.mkdir('/d'))).toBe('EEXIST');
    expect(await codeOf(fs.mkdir('/x/y'))).toBe('ENOENT');
    expect(await codeOf(fs.readdir('/d/f'))).toBe('ENOTDIR');
    expect(await codeOf(fs.rm('/d'))).toBe('ENOTEMPTY');
    expect(await codeOf(fs.rm('/nope', { force: true }))).toBe('ok');
    expect(await codeOf(fs.readFile('/d'))).toBe('EISDIR');
  });

  it('lists, copies, moves and removes trees', async () => {
    const fs = make();
    await fs.mkdir('/t/a/b', { recursive: true });
    await fs.writeFile('/t/a/b/one', '1');
    await fs.writeFile('/t/a/two', '2');
    expect((await fs.readdir('/t/a')).sort()).toEqual(['b', 'two']);
    await fs.cp('/t/a', '/t/c', { recursive: true });
    expect(await fs.readFile('/t/c/b/one')).toBe('1');
    await fs.mv('/t/c', '/t/d');
    expect(await fs.exists('/t/c')).toBe(false);
    expect(await fs.readFile('/t/d/two')).toBe('2');
    await fs.rm('/t/d', { recursive: true });
    expect(await fs.exists('/t/d/b/one')).toBe(false);
    expect((await fs.readdir('/t')).sort()).toEqual(['a']);
  });

  it('follows symlinks, relative and absolute, and reads their targets', async () => {
    const fs = make();
    await fs.mkdir('/etc/httpd', { recursive: true });
    await fs.writeFile('/etc/httpd/conf', 'Listen 80\n');
    await fs.symlink('/etc/httpd', '/h');
    await fs.symlink('conf', '/etc/httpd/link');
    expect(await fs.readFile('/h/conf')).toBe('Listen 80\n');
    expect(await fs.readFile('/etc/httpd/link')).toBe('Listen 80\n');
    expect((await fs.lstat('/h')).isSymbolicLink).toBe(true);
    expect(await fs.readlink('/etc/httpd/link')).toBe('conf');
    expect(await fs.realpath('/h/link')).toBe('/etc/httpd/conf');
  });

  it('keeps ".." at the root and changes modes', async () => {
    const fs = make();
    expect(fs.resolvePath('/home/user', '../../../../etc/passwd')).toBe('/etc/passwd');
    await fs.writeFile('/k', 'key');
    await fs.chmod('/k', 0o400);
    expect((await fs.stat('/k')).mode & 0o777).toBe(0o400);
  });
});
