/**
 * `nimbus import-book-code PATH`: copies the book's code repository (AWSinAction/code2, as a folder
 * or GitHub's zip) into DATA/book-code, where CloudFormation resolves the book's template URLs
 * (https://s3.amazonaws.com/awsinaction-code2/..., raw.githubusercontent.com/AWSinAction/code2/...).
 * The lab ships none of the book's code; the learner imports their own copy once.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export class BookCodeError extends Error {}

/** Entries of a zip file from its central directory (stored and deflated entries). */
function unzip(data: Buffer, into: string): number {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BookCodeError('not a zip file (no end of central directory)');
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  let files = 0;
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(p) !== 0x02014b50) throw new BookCodeError('corrupt zip central directory');
    const method = data.readUInt16LE(p + 10);
    const compressed = data.readUInt32LE(p + 20);
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    const target = normalize(join(into, name));
    if (!target.startsWith(normalize(into) + sep)) throw new BookCodeError(`zip entry escapes the folder: ${name}`);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    const body = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (!body) throw new BookCodeError(`zip entry ${name} uses an unsupported compression method (${method})`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    files++;
  }
  return files;
}

/** Imports PATH into DATA/book-code (replacing an earlier import); returns a one-line summary. */
export function importBookCode(source: string, dataDir: string): string {
  if (!existsSync(source)) throw new BookCodeError(`${source}: no such file or folder`);
  const target = join(dataDir, 'book-code');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  if (statSync(source).isDirectory()) {
    cpSync(source, target, { recursive: true, filter: (p) => !p.split(sep).includes('.git') });
  } else {
    unzip(readFileSync(source), target);
  }
  // GitHub's zip puts everything under code2-master/; the lab looks one folder down too.
  const marker = 'chapter04/virtualmachine.yaml';
  const found = existsSync(join(target, marker)) || readdirSync(target).some((d) => existsSync(join(target, d, marker)));
  if (!found) {
    return `Imported ${source} into ${target}, but it does not look like AWSinAction/code2 (no ${marker}).`;
  }
  return `Imported the book's code into ${target}: the book's template URLs now resolve in this lab.`;
}
