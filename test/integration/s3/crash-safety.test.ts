import { afterAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';
import { s3v3 } from '../../helpers/clients';

// SIGKILL in the middle of a stream of PutObject calls: every acknowledged PUT must survive intact.
let lab: RunningLab | undefined;
afterAll(async () => {
  await lab?.kill();
  if (lab) removeDir(lab.dataDir);
});

describe('crash safety', () => {
  it('keeps every acknowledged object after a SIGKILL mid-stream', async () => {
    lab = await startLab();
    const dataDir = lab.dataDir;
    let s3 = s3v3(lab);
    await s3.send(new CreateBucketCommand({ Bucket: 'crash' }));

    const acked = new Map<string, string>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const key = `w${w}/obj-${i}`;
        // Mix small bodies and multi-chunk ones, so a kill can land inside a streamed body.
        const body = randomBytes(i % 5 === 0 ? 3 * 1024 * 1024 + 11 : 1024 + i);
        try {
          await s3.send(new PutObjectCommand({ Bucket: 'crash', Key: key, Body: body }));
          acked.set(key, createHash('md5').update(body).digest('hex'));
        } catch {
          return; // the server died under us: this PUT was never acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 1500));
    await lab.kill();
    stop = true;
    await Promise.all(writers);
    s3.destroy();
    expect(acked.size).toBeGreaterThan(10);

    lab = await startLab({ dataDir });
    s3 = s3v3(lab);
    for (const [key, md5] of acked) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: key }));
      const h = createHash('md5');
      for await (const c of got.Body as AsyncIterable<Uint8Array>) h.update(c);
      expect(h.digest('hex'), key).toBe(md5);
    }
    // Nothing half-written is visible: every listed object reads back whole (size matches).
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'crash', MaxKeys: 1000 }));
    for (const o of listed.Contents ?? []) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'crash', Key: o.Key! }));
      const bytes = await got.Body!.transformToByteArray();
      expect(bytes.length, o.Key).toBe(o.Size);
    }
    s3.destroy();
  });
});
