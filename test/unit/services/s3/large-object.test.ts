import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src-main/engine/index';
import { s3Lab } from './lab';

const GiB = 1024 ** 3;
const PIECE = 256 * 1024; // what a socket might hand over, not aligned with the 1 MiB chunks

/** A generated 1 GiB body: never in memory as a whole. Each piece is stamped with its index. */
function generated(size: number): { stream: Readable; md5: () => string } {
  const hash = createHash('md5');
  const base = Buffer.alloc(PIECE, 0x5a);
  let sent = 0;
  let index = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(PIECE, size - sent);
      const piece = Buffer.from(base.subarray(0, n));
      piece.writeUInt32BE(index++, 0);
      hash.update(piece);
      sent += n;
      this.push(piece);
    },
  });
  return { stream, md5: () => hash.digest('hex') };
}

const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-large-'));
const engine = createEngine({ dataDir });
afterAll(() => {
  engine.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a 1 GiB object', () => {
  it(
    'streams in and back out with the same MD5, without holding it in memory',
    async () => {
      const { s3 } = s3Lab(engine);
      await s3('CreateBucket', { Bucket: 'large' });
      const body = generated(GiB);
      const heapBefore = process.memoryUsage().rss;
      const put = await s3('PutObject', { Bucket: 'large', Key: 'gig.bin', Body: body.stream });
      const expected = body.md5();
      expect(put.ETag).toBe(`"${expected}"`);

      const got = await s3('GetObject', { Bucket: 'large', Key: 'gig.bin' });
      expect(got.ContentLength).toBe(GiB);
      const hash = createHash('md5');
      let size = 0;
      let peak = 0;
      for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.length;
        if (size % (64 * 1024 * 1024) === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
      expect(size).toBe(GiB);
      expect(hash.digest('hex')).toBe(expected);
      // Memory stays far below the object's size (SQLite's page cache and GC slack included).
      expect(peak - heapBefore).toBeLessThan(512 * 1024 * 1024);
    },
    120_000,
  );
});
