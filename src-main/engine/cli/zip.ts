/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; no ZIP64,
 * no encryption) for `aws cloudformation package`, which zips a Lambda function's folder before it
 * uploads it. Entries are deflated (raw DEFLATE from node:zlib, zlib's default level) or stored. The layout follows Python's zipfile as the real CLI uses it (made by
 * "UNIX", version 2.0, Unix mode in the external attributes, DOS time in UTC as the lab's guests
 * keep it), so the same folder gives the same bytes and therefore the same artifact key.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes and no leading slash. */
  name: string;
  data: Uint8Array;
  /** Modification time, epoch milliseconds. */
  mtimeMs: number;
  /** Unix mode bits (default a regular file, 0644). */
  mode?: number;
  /** 8 deflate (the default, as Python's zipfile with ZIP_DEFLATED), 0 stored. */
  method?: 0 | 8;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20;
const MADE_BY_UNIX = 3;
const UTF8_NAMES = 0x800;
const LIMIT = 0xffffffff;

/** DOS date and time (2-second resolution, years 1980-2107), from UTC fields. */
function dosDateTime(ms: number): { time: number; date: number } {
  const d = new Date(Math.max(ms, Date.UTC(1980, 0, 1)));
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

/** Builds a complete archive of `entries`, in the given order. */
export function createZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const ascii = /^[\x20-\x7e]*$/.test(entry.name);
    const raw = Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    if (raw.length >= LIMIT || body.length >= LIMIT || offset >= LIMIT) throw new Error(`${entry.name}: archives over 4 GiB need ZIP64, which this writer does not produce`);
    const crc = crc32(raw) >>> 0;
    const { time, date } = dosDateTime(entry.mtimeMs);
    const flags = ascii ? 0 : UTF8_NAMES;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt8(VERSION, 4);
    cd.writeUInt8(MADE_BY_UNIX, 5);
    cd.writeUInt16LE(VERSION, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number start, internal attributes: all 0
    cd.writeUInt32LE((((entry.mode ?? 0o100644) & 0xffff) << 16) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  if (entries.length > 0xffff) throw new Error('archives of more than 65535 entries need ZIP64, which this writer does not produce');
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
