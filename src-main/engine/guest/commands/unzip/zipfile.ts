/**
 * Reads a ZIP archive (PKWARE APPNOTE): the end-of-central-directory record, the central directory
 * and each entry's data, stored or deflated (node:zlib inflates). Enough for the archives people
 * download (GitHub's, the AWS CLI's, Lambda bundles); ZIP64 and encryption are refused by name.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  dir: boolean;
  method: number;
  size: number;
  compressedSize: number;
  /** DOS date and time, as stored. */
  mtime: Date;
  mode?: number;
  data(): Uint8Array;
}

export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('End-of-central-directory signature not found.');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (p === 0xffffffff || count === 0xffff) throw new Error('ZIP64 archives are not supported by the lab\'s unzip');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zipfile offset (central directory)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const external = buf.readUInt32LE(p + 38);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new Error(`${name}: encrypted entries are not supported by the lab's unzip`);
    const mtime = new Date(Date.UTC(((date >> 9) & 0x7f) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2));
    const mode = madeBy === 3 ? (external >>> 16) & 0o7777 : undefined;
    entries.push({
      name,
      dir: name.endsWith('/'),
      method,
      size,
      compressedSize,
      mtime,
      ...(mode ? { mode } : {}),
      data: () => {
        const lNameLen = buf.readUInt16LE(local + 26);
        const lExtraLen = buf.readUInt16LE(local + 28);
        const start = local + 30 + lNameLen + lExtraLen;
        const raw = buf.subarray(start, start + compressedSize);
        if (method === 0) return new Uint8Array(raw);
        if (method === 8) return new Uint8Array(inflateRawSync(raw));
        throw new Error(`${name}: compression method ${method} is not supported`);
      },
    });
  }
  return entries;
}
