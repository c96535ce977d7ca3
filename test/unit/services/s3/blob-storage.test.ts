import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src-main/engine/index';
import { AwsError } from '../../../../src-main/engine/protocol/errors';
import { expectAwsError, md5hex, readBody, s3Lab } from './lab';

const MiB = 1024 * 1024;
const B = 'blobs';
const pattern = (size: number, seed: number) => {
  const b = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE((i * 2654435761 + seed) >>> 0, i);
  return b;
};
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function lab() {
  const l = s3Lab();
  await l.s3('CreateBucket', { Bucket: B });
  return l;
}

describe('body storage', () => {
  it('stores a streamed body as ≤ 1 MiB chunks and streams it back as an async iterable', async () => {
    const { s3, engine } = await lab();
    const data = pattern(3 * MiB + 17, 1);
    // Uneven pieces, as a socket delivers them.
    const pieces = [data.subarray(0, 1000), data.subarray(1000, 2 * MiB + 5), data.subarray(2 * MiB + 5)];
    await s3('PutObject', { Bucket: B, Key: 'k', Body: Readable.from(pieces) });
    const sizes = engine.store.db.prepare('SELECT length(data) AS n FROM s3_chunks ORDER BY offset').pluck().all();
    expect(sizes).toEqual([MiB, MiB, MiB, 17]);
    const got = await s3('GetObject', { Bucket: B, Key: 'k' });
    expect(Buffer.isBuffer(got.Body)).toBe(false);
    expect(Symbol.asyncIterator in (got.Body as object)).toBe(true);
    expect(md5hex(await readBody(got.Body))).toBe(md5hex(data));
    const mid = await s3('GetObject', { Bucket: B, Key: 'k', Range: `bytes=${MiB - 3}-${2 * MiB + 2}` });
    expect((await readBody(mid.Body)).equals(data.subarray(MiB - 3, 2 * MiB + 3))).toBe(true);
  });

  it('commits nothing when the body stream fails at its end (signature / payload hash check)', async () => {
    const { s3, count } = await lab();
    const failing = new PassThrough();
    const p = s3('PutObject', { Bucket: B, Key: 'k', Body: failing });
    failing.write(pattern(2 * MiB + 1, 2));
    await new Promise((r) => setTimeout(r, 20));
    expect(count('s3_blobs')).toBe(1); // staging
    failing.destroy(new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400));
    await expectAwsError(p, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
    expect([count('s3_objects'), count('s3_blobs'), count('s3_chunks')]).toEqual([0, 0, 0]);
    // A small body that fails is never written at all; a plain stream error is IncompleteBody.
    const small = new PassThrough();
    const q = s3('PutObject', { Bucket: B, Key: 'k', Body: small });
    small.write('abc');
    small.destroy(new Error('socket hang up'));
    await expectAwsError(q, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);
    expect([count('s3_objects'), count('s3_blobs'), count('s3_chunks')]).toEqual([0, 0, 0]);
  });

  it('a bucket deleted while a body streams in gets NoSuchBucket and no leftovers', async () => {
    const { s3, count } = await lab();
    const body = new PassThrough();
    const p = s3('PutObject', { Bucket: B, Key: 'k', Body: body });
    body.write(pattern(MiB + 5, 3));
    await new Promise((r) => setTimeout(r, 20));
    await s3('DeleteBucket', { Bucket: B });
    body.end();
    await expectAwsError(p, 'NoSuchBucket', 'The specified bucket does not exist', 404);
    expect([count('s3_blobs'), count('s3_chunks')]).toEqual([0, 0]);
  });

  it('a reader keeps its snapshot when the key is overwritten or deleted mid-read; the old body is freed after', async () => {
    const { s3, count } = await lab();
    const v1 = pattern(4 * MiB, 4);
    await s3('PutObject', { Bucket: B, Key: 'k', Body: v1 });
    const got = await s3('GetObject', { Bucket: B, Key: 'k' });
    const it = (got.Body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const first = await it.next();
    await s3('PutObject', { Bucket: B, Key: 'k', Body: Buffer.from('v2') });
    expect(count('s3_blobs')).toBe(2); // v1 is pinned by the reader
    const parts = [Buffer.from(first.value as Uint8Array)];
    for (let r = await it.next(); !r.done; r = await it.next()) parts.push(Buffer.from(r.value));
    expect(md5hex(Buffer.concat(parts))).toBe(md5hex(v1));
    expect([count('s3_blobs'), count('s3_chunks')]).toEqual([1, 1]);

    const again = await s3('GetObject', { Bucket: B, Key: 'big' }).catch(() => undefined);
    expect(again).toBeUndefined();
    await s3('PutObject', { Bucket: B, Key: 'big', Body: v1 });
    const reading = await s3('GetObject', { Bucket: B, Key: 'big' });
    const it2 = (reading.Body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await it2.next();
    await s3('DeleteObject', { Bucket: B, Key: 'big' });
    await it2.return!(undefined); // the consumer gives up early (client disconnect)
    expect([count('s3_blobs'), count('s3_chunks')]).toEqual([1, 1]);
  });

  it('engine start sweeps staging blobs an interrupted upload left behind, and keeps committed ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-s3-'));
    dirs.push(dataDir);
    const first = s3Lab(createEngine({ dataDir }));
    await first.s3('CreateBucket', { Bucket: B });
    await first.s3('PutObject', { Bucket: B, Key: 'kept', Body: pattern(2 * MiB, 5) });
    const stalled = new PassThrough();
    const pending = first.s3('PutObject', { Bucket: B, Key: 'lost', Body: stalled }).catch((e: unknown) => e);
    stalled.write(pattern(3 * MiB, 6));
    await new Promise((r) => setTimeout(r, 50));
    expect(first.count('s3_blobs')).toBe(2);
    first.engine.close(); // the process "dies" with a body half in
    stalled.end();
    await pending;

    const second = s3Lab(createEngine({ dataDir }));
    expect([second.count('s3_objects'), second.count('s3_blobs'), second.count('s3_chunks')]).toEqual([1, 1, 2]);
    const kept = await second.s3('GetObject', { Bucket: B, Key: 'kept' });
    expect(md5hex(await readBody(kept.Body))).toBe(md5hex(pattern(2 * MiB, 5)));
    await expectAwsError(second.s3('GetObject', { Bucket: B, Key: 'lost' }), 'NoSuchKey', 'The specified key does not exist.', 404);
    second.engine.close();
  });

  it('concurrent small PUTs and GETs stay consistent', async () => {
    const { s3 } = await lab();
    await Promise.all(
      Array.from({ length: 64 }, (_, i) => s3('PutObject', { Bucket: B, Key: `k${i % 8}`, Body: Buffer.from(`value-${i % 8}`) })),
    );
    const gets = await Promise.all(Array.from({ length: 8 }, (_, i) => s3('GetObject', { Bucket: B, Key: `k${i}` })));
    expect(await Promise.all(gets.map(async (g) => (await readBody(g.Body)).toString()))).toEqual(
      Array.from({ length: 8 }, (_, i) => `value-${i}`),
    );
  });
});
