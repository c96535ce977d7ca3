/**
 * S3 PutObject/GetObject of 1 KiB objects with 16 concurrent @aws-sdk/client-s3 v3 clients, against the
 * lab, the bare ceiling and moto in the same run; then autocannon replaying one presigned GET, which
 * shows each server's own ceiling without the SDK's client-side cost.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import autocannon from 'autocannon';
import type { BenchServer } from './servers';
import { Sha256 } from '../test/helpers/sha256';

const CLIENTS = 16;
const BODY = Buffer.alloc(1024, 'n');

// A request that hangs must fail the run, not stall it.
const client = (s: BenchServer) =>
  new S3Client({
    endpoint: s.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: s.credentials,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 15_000, connectionTimeout: 5_000 }),
  });

async function timed(seconds: number, clients: S3Client[], op: (c: S3Client, w: number, i: number) => Promise<unknown>) {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, w) => {
      for (let i = 0; performance.now() < end; i++) {
        await op(c, w, i);
        count++;
      }
    }),
  );
  return count / ((performance.now() - t0) / 1000);
}

export async function sdkThroughput(s: BenchServer, seconds: number): Promise<{ put: number; get: number }> {
  const clients = Array.from({ length: CLIENTS }, () => client(s));
  await clients[0]!.send(new CreateBucketCommand({ Bucket: 'bench' })).catch(() => undefined);
  // Warm up connections and JIT on both sides.
  await timed(1, clients, (c, w, i) => c.send(new PutObjectCommand({ Bucket: 'bench', Key: `warm/${w}/${i}`, Body: BODY })));
  const written = new Array<number>(CLIENTS).fill(0);
  const put = await timed(seconds, clients, async (c, w, i) => {
    await c.send(new PutObjectCommand({ Bucket: 'bench', Key: `obj/${w}/${i % 200}`, Body: BODY }));
    written[w] = Math.max(written[w]!, Math.min(i + 1, 200));
  });
  const get = await timed(seconds, clients, async (c, w, i) => {
    const r = await c.send(new GetObjectCommand({ Bucket: 'bench', Key: `obj/${w}/${i % written[w]!}` }));
    await r.Body!.transformToByteArray();
  });
  for (const c of clients) c.destroy();
  return { put, get };
}


/** Requests/s of a replayed presigned GET of one 1 KiB object (the object is put first by the SDK run). */
export async function presignedReplay(s: BenchServer, seconds: number): Promise<number> {
  const url = new URL(s.endpoint);
  const signer = new SignatureV4({ credentials: s.credentials, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false });
  const presigned = await signer.presign(
    { method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/bench/obj/0/0', query: {}, headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
    { expiresIn: 3600 },
  );
  const qs = new URLSearchParams(presigned.query as Record<string, string>).toString();
  const result = await autocannon({ url: `${s.endpoint}/bench/obj/0/0?${qs}`, connections: 16, pipelining: 1, duration: seconds });
  if (result.non2xx > 0) throw new Error(`${s.name}: ${result.non2xx} non-2xx answers to the presigned GET`);
  return result.requests.average;
}
