import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { bookPath, s3Location } from '../../../src-main/engine/services/cloudformation/template/source';
import { importBookCode } from '../../../src-main/server/book-code';

/** A minimal zip (deflated entries, with their central directory), like GitHub's archives. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(text));
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(text.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('where templates come from', () => {
  it('recognizes the book\'s URLs and S3\'s URL forms', () => {
    expect(bookPath('https://s3.amazonaws.com/awsinaction-code2/chapter06/vpc.yaml')).toBe('chapter06/vpc.yaml');
    expect(bookPath('https://raw.githubusercontent.com/AWSinAction/code2/master/chapter02/template.yaml')).toBe('chapter02/template.yaml');
    expect(bookPath('https://awsinaction-code2.s3.amazonaws.com/chapter10/template.yaml')).toBe('chapter10/template.yaml');
    expect(bookPath('https://s3.amazonaws.com/other/x.yaml')).toBeUndefined();
    expect(s3Location('https://s3.amazonaws.com/b/k/t.yaml')).toEqual({ bucket: 'b', key: 'k/t.yaml' });
    expect(s3Location('https://b.s3.amazonaws.com/t.yaml')).toEqual({ bucket: 'b', key: 't.yaml' });
    expect(s3Location('https://s3.eu-west-1.amazonaws.com/b/t.yaml')).toEqual({ bucket: 'b', key: 't.yaml' });
    expect(s3Location('https://s3-eu-west-1.amazonaws.com/b/t.yaml')).toEqual({ bucket: 'b', key: 't.yaml' });
    expect(s3Location('https://b.s3.eu-west-1.amazonaws.com/t.yaml')).toEqual({ bucket: 'b', key: 't.yaml' });
    expect(s3Location('https://example.com/t.yaml')).toBeUndefined();
  });

  it('nimbus import-book-code unpacks a zip of the repository into DATA/book-code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'book-'));
    const file = join(dir, 'code2-master.zip');
    writeFileSync(file, zip({ 'code2-master/': '', 'code2-master/chapter04/virtualmachine.yaml': 'Resources: {}\n' }));
    const data = join(dir, 'data');
    expect(importBookCode(file, data)).toBe(`Imported the book's code into ${join(data, 'book-code')}: the book's template URLs now resolve in this lab.`);
    expect(readFileSync(join(data, 'book-code', 'code2-master', 'chapter04', 'virtualmachine.yaml'), 'utf8')).toBe('Resources: {}\n');
    writeFileSync(join(dir, 'evil.zip'), zip({ '../escape.txt': 'x' }));
    expect(() => importBookCode(join(dir, 'evil.zip'), data)).toThrow('zip entry escapes the folder: ../escape.txt');
  });
});
