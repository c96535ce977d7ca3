/**
 * The ZIP writer of `aws cloudformation package`: archives read back by a reader written here from the
 * format's description, by Info-ZIP's `unzip` when it is installed, and compared byte for byte with
 * Python's zipfile (what the real CLI uses) when Debian's python3 is there.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { createZip, type ZipEntry } from '../../../src-main/engine/cli/zip';

interface Read {
  name: string;
  method: number;
  data: Buffer;
  mode: number;
  time: number;
  date: number;
}

/** Reads an archive through its end record and central directory, checking each local header and CRC. */
function readZip(zip: Buffer): Read[] {
  const endAt = zip.length - 22;
  expect(zip.readUInt32LE(endAt)).toBe(0x06054b50);
  const count = zip.readUInt16LE(endAt + 10);
  const cdSize = zip.readUInt32LE(endAt + 12);
  let p = zip.readUInt32LE(endAt + 16);
  expect(p + cdSize).toBe(endAt);
  const out: Read[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const csize = zip.readUInt32LE(p + 20);
    const usize = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const mode = zip.readUInt32LE(p + 38) >>> 16;
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    expect(zip.readUInt16LE(offset + 8)).toBe(method);
    expect(zip.readUInt32LE(offset + 14)).toBe(crc);
    const localName = zip.subarray(offset + 30, offset + 30 + zip.readUInt16LE(offset + 26)).toString('utf8');
    expect(localName).toBe(name);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const body = zip.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(usize);
    expect(crc32(data) >>> 0).toBe(crc);
    out.push({ name, method, data, mode, time: zip.readUInt16LE(p + 12), date: zip.readUInt16LE(p + 14) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const MTIME = Date.UTC(2026, 10, 26, 14, 30, 42);
const ENTRIES: ZipEntry[] = [
  { name: 'index.js', data: Buffer.from('exports.handler = async () => "ok";\n'.repeat(40)), mtimeMs: MTIME },
  { name: 'lib/util.js', data: Buffer.from('module.exports = 1;\n'), mtimeMs: MTIME, mode: 0o100755 },
  { name: 'empty.txt', data: Buffer.alloc(0), mtimeMs: MTIME },
  { name: 'data/bytes.bin', data: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), mtimeMs: MTIME, method: 0 },
  { name: 'ünïcode.txt', data: Buffer.from('names in UTF-8\n'), mtimeMs: MTIME },
];

describe('createZip', () => {
  it('reads back: names, methods, data, CRCs, modes and DOS times', () => {
    const read = readZip(createZip(ENTRIES));
    expect(read.map((r) => [r.name, r.method, r.mode.toString(8)])).toEqual([
      ['index.js', 8, '100644'],
      ['lib/util.js', 8, '100755'],
      ['empty.txt', 8, '100644'],
      ['data/bytes.bin', 0, '100644'],
      ['ünïcode.txt', 8, '100644'],
    ]);
    read.forEach((r, i) => expect(r.data.equals(Buffer.from(ENTRIES[i]!.data))).toBe(true));
    expect(read[0]!.time).toBe((14 << 11) | (30 << 5) | 21);
    expect(read[0]!.date).toBe(((2026 - 1980) << 9) | (11 << 5) | 26);
    const zip = createZip(ENTRIES);
    expect(zip.readUInt16LE(zip.indexOf(Buffer.from('ünïcode.txt')) - 30 + 6)).toBe(0x800);
  });

  it('an empty archive is just the end record', () => {
    expect(createZip([]).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).toBe(true);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('unzip -l lists it and unzip -t finds no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), createZip(ENTRIES));
      const list = spawnSync('/usr/bin/unzip', ['-l', join(dir, 'a.zip')], { encoding: 'utf8', env: { TZ: 'UTC', PATH: '/usr/bin:/bin' } });
      expect(list.status).toBe(0);
      const rows = list.stdout.split('\n').filter((l) => /^\s*\d+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(l)).map((l) => l.trim().split(/\s+/));
      expect(rows.map((r) => [r[0], r[1], r[2], r.slice(3).join(' ')])).toEqual([
        ['1440', '2026-11-26', '14:30', 'index.js'],
        ['20', '2026-11-26', '14:30', 'lib/util.js'],
        ['0', '2026-11-26', '14:30', 'empty.txt'],
        ['3000', '2026-11-26', '14:30', 'data/bytes.bin'],
        ['15', '2026-11-26', '14:30', 'ünïcode.txt'],
      ]);
      const test = spawnSync('/usr/bin/unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
      expect(test.status).toBe(0);
      expect(test.stdout).toContain('No errors detected in compressed data');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync('/usr/bin/python3'))('gives the same bytes as Python\'s zipfile with ZIP_DEFLATED (the real CLI\'s make_zip)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-zip-'));
    try {
      const files = ENTRIES.filter((e) => e.method !== 0 && e.mode === undefined && /^[\x20-\x7e]+$/.test(e.name));
      for (const e of files) {
        mkdirSync(dirname(join(dir, 'src', e.name)), { recursive: true });
        writeFileSync(join(dir, 'src', e.name), e.data, { mode: 0o644 });
        utimesSync(join(dir, 'src', e.name), MTIME / 1000, MTIME / 1000);
      }
      const script = 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n    for n in sys.argv[3:]: z.write(sys.argv[2] + "/" + n, n)\n';
      const py = spawnSync('/usr/bin/python3', ['-c', script, join(dir, 'py.zip'), join(dir, 'src'), ...files.map((e) => e.name)], { encoding: 'utf8', env: { TZ: 'UTC', PATH: '/usr/bin:/bin' } });
      expect(py.stderr).toBe('');
      const ours = createZip(files);
      const theirs = spawnSync('/usr/bin/cat', [join(dir, 'py.zip')]).stdout;
      expect(ours.toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
