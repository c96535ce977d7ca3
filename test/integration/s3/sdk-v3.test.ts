import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';
import { s3v3 } from '../../helpers/clients';

let lab: RunningLab;
let s3: S3Client;

beforeAll(async () => {
  lab = await startLab();
  s3 = s3v3(lab);
});
afterAll(async () => {
  s3?.destroy();
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

async function expectS3Error(p: Promise<unknown>, code: string, status: number, message?: string) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(S3ServiceException);
  const err = e as S3ServiceException;
  expect(err.name).toBe(code);
  expect(err.$metadata.httpStatusCode).toBe(status);
  if (message !== undefined) expect(err.message).toBe(message);
  return err;
}

describe('S3 through @aws-sdk/client-s3 v3', () => {
  it('creates, lists, heads and locates buckets', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'v3-basics' }));
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('v3-basics');
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    await s3.send(new HeadBucketCommand({ Bucket: 'v3-basics' }));
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'v3-basics' }));
    expect(loc.LocationConstraint ?? null).toBeNull();
    await expectS3Error(s3.send(new CreateBucketCommand({ Bucket: 'v3-basics' })), 'BucketAlreadyOwnedByYou', 409);
  });

  it('puts and gets objects with metadata, content type and an MD5 ETag', async () => {
    const body = Buffer.from('hello, nimbus\n');
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'v3-basics', Key: 'dir/hello.txt', Body: body, ContentType: 'text/plain', Metadata: { owner: 'learner' } }),
    );
    expect(put.ETag).toBe(`"${md5(body)}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'dir/hello.txt' }));
    expect(got.ContentType).toBe('text/plain');
    expect(got.Metadata).toEqual({ owner: 'learner' });
    expect(got.ContentLength).toBe(body.length);
    expect(Buffer.from(await got.Body!.transformToByteArray()).toString()).toBe('hello, nimbus\n');
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'v3-basics', Key: 'dir/hello.txt' }));
    expect(head.ETag).toBe(`"${md5(body)}"`);
    expect(head.ContentLength).toBe(body.length);
  });

  it('answers Range GETs with 206 and the right bytes', async () => {
    const body = Buffer.from('0123456789abcdefghij');
    await s3.send(new PutObjectCommand({ Bucket: 'v3-basics', Key: 'range.txt', Body: body }));
    const part = await s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'range.txt', Range: 'bytes=5-9' }));
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 5-9/20');
    expect(await part.Body!.transformToString()).toBe('56789');
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'range.txt', Range: 'bytes=-3' }));
    expect(await tail.Body!.transformToString()).toBe('hij');
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'range.txt', Range: 'bytes=50-60' })), 'InvalidRange', 416);
  });

  it('lists with prefix, delimiter and pagination (v1 and v2)', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'v3-listing' }));
    const keys = ['a/1', 'a/2', 'a/b/3', 'c/4', 'top'];
    for (let i = 0; i < 25; i++) keys.push(`many/${String(i).padStart(2, '0')}`);
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'v3-listing', Key, Body: Key }));

    const byDelim = await s3.send(new ListObjectsV2Command({ Bucket: 'v3-listing', Delimiter: '/' }));
    expect(byDelim.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'c/', 'many/']);
    expect(byDelim.Contents?.map((c) => c.Key)).toEqual(['top']);
    expect(byDelim.KeyCount).toBe(4);

    const inA = await s3.send(new ListObjectsV2Command({ Bucket: 'v3-listing', Prefix: 'a/', Delimiter: '/' }));
    expect(inA.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    expect(inA.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/b/']);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'v3-listing', Prefix: 'many/', MaxKeys: 10, ContinuationToken: token }));
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys.filter((k) => k.startsWith('many/')));

    const v1 = await s3.send(new ListObjectsCommand({ Bucket: 'v3-listing', MaxKeys: 2 }));
    expect(v1.IsTruncated).toBe(true);
    expect(v1.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    const v1next = await s3.send(new ListObjectsCommand({ Bucket: 'v3-listing', MaxKeys: 2, Marker: 'a/2' }));
    expect(v1next.Contents?.map((c) => c.Key)).toEqual(['a/b/3', 'c/4']);
  });

  it('copies and deletes objects, singly and in batches', async () => {
    await s3.send(new CopyObjectCommand({ Bucket: 'v3-basics', Key: 'copy.txt', CopySource: 'v3-basics/dir/hello.txt' }));
    const copy = await s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'copy.txt' }));
    expect(await copy.Body!.transformToString()).toBe('hello, nimbus\n');
    expect(copy.Metadata).toEqual({ owner: 'learner' });
    await s3.send(new DeleteObjectCommand({ Bucket: 'v3-basics', Key: 'copy.txt' }));
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: 'v3-basics', Key: 'copy.txt' })), 'NoSuchKey', 404, 'The specified key does not exist.');
    const del = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'v3-basics', Delete: { Objects: [{ Key: 'range.txt' }, { Key: 'dir/hello.txt' }, { Key: 'never-there' }] } }),
    );
    expect(del.Deleted?.map((d) => d.Key).sort()).toEqual(['dir/hello.txt', 'never-there', 'range.txt']);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: 'v3-basics' }));
    expect(left.KeyCount).toBe(0);
  });

  it('uploads 64 MiB in multipart and reads back the same bytes', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'v3-multipart' }));
    const partSize = 8 * 1024 * 1024;
    const parts: Buffer[] = [];
    for (let i = 0; i < 8; i++) {
      const p = Buffer.alloc(partSize);
      for (let j = 0; j < partSize; j += 4096) p.writeUInt32BE((i * 7919 + j) >>> 0, j);
      parts.push(p);
    }
    const whole = createHash('md5');
    for (const p of parts) whole.update(p);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'v3-multipart', Key: 'big.bin' }));
    const etags: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const r = await s3.send(new UploadPartCommand({ Bucket: 'v3-multipart', Key: 'big.bin', UploadId, PartNumber: i + 1, Body: parts[i] }));
      etags.push(r.ETag!);
    }
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'v3-multipart',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const partMd5s = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
    expect(done.ETag).toBe(`"${md5(partMd5s)}-8"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'v3-multipart', Key: 'big.bin' }));
    expect(got.ContentLength).toBe(64 * 1024 * 1024);
    const h = createHash('md5');
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) h.update(chunk);
    expect(h.digest('hex')).toBe(whole.digest('hex'));

    const { UploadId: abortId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'v3-multipart', Key: 'gone.bin' }));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: 'v3-multipart', Key: 'gone.bin', UploadId: abortId }));
    await expectS3Error(
      s3.send(new UploadPartCommand({ Bucket: 'v3-multipart', Key: 'gone.bin', UploadId: abortId, PartNumber: 1, Body: 'x' })),
      'NoSuchUpload',
      404,
    );
  });

  it('works with virtual-hosted addressing (http://BUCKET.localhost:PORT/KEY)', async () => {
    // Resolve every *.localhost name to loopback, as browsers and systemd-resolved do.
    const agent = new Agent({
      keepAlive: true,
      lookup: (_host, options, cb) => {
        if ((options as { all?: boolean }).all) (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
        else (cb as (e: null, a: string, f: number) => void)(null, '127.0.0.1', 4);
      },
    });
    const vhost = new S3Client({
      endpoint: `http://localhost:${lab.port}`,
      region: 'us-east-1',
      forcePathStyle: false,
      credentials: lab.credentials,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
      maxAttempts: 1,
    });
    await vhost.send(new CreateBucketCommand({ Bucket: 'v3-vhost' }));
    await vhost.send(new PutObjectCommand({ Bucket: 'v3-vhost', Key: 'nested/key.txt', Body: 'virtual' }));
    const viaPath = await s3.send(new GetObjectCommand({ Bucket: 'v3-vhost', Key: 'nested/key.txt' }));
    expect(await viaPath.Body!.transformToString()).toBe('virtual');
    vhost.destroy();
  });

  it('answers errors in S3 form: no such bucket, bucket not empty, bad names', async () => {
    await expectS3Error(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'k' })), 'NoSuchBucket', 404, 'The specified bucket does not exist');
    await s3.send(new CreateBucketCommand({ Bucket: 'v3-notempty' }));
    await s3.send(new PutObjectCommand({ Bucket: 'v3-notempty', Key: 'k', Body: 'x' }));
    await expectS3Error(s3.send(new DeleteBucketCommand({ Bucket: 'v3-notempty' })), 'BucketNotEmpty', 409, 'The bucket you tried to delete is not empty');
    await expectS3Error(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })), 'InvalidBucketName', 400, 'The specified bucket is not valid.');
    await s3.send(new DeleteObjectCommand({ Bucket: 'v3-notempty', Key: 'k' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'v3-notempty' }));
  });

  it('rejects a wrong secret and an unknown access key', async () => {
    const wrong = s3v3(lab, { secret: 'not-the-secret-0123456789012345678901234' });
    await expectS3Error(wrong.send(new ListBucketsCommand({})), 'SignatureDoesNotMatch', 403);
    const unknown = s3v3(lab, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    await expectS3Error(
      unknown.send(new ListBucketsCommand({})),
      'InvalidAccessKeyId',
      403,
      'The AWS Access Key Id you provided does not exist in our records.',
    );
    wrong.destroy();
    unknown.destroy();
  });
});
