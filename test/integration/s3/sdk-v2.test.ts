import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { Readable } from 'node:stream';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';

// The book's Node.js programs use aws-sdk v2; it must work against the lab unchanged.
let lab: RunningLab;
let s3: AWS.S3;

beforeAll(async () => {
  lab = await startLab();
  s3 = new AWS.S3({
    endpoint: lab.endpoint,
    region: 'us-east-1',
    s3ForcePathStyle: true,
    signatureVersion: 'v4',
    credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
    maxRetries: 0,
  });
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('S3 and STS through aws-sdk v2', () => {
  it('creates a bucket, uploads with managed upload, reads back, lists, deletes', async () => {
    await s3.createBucket({ Bucket: 'v2-bucket' }).promise();
    const body = Buffer.alloc(6 * 1024 * 1024 + 17, 'z');
    // ManagedUpload switches to multipart above partSize: exercises the v2 multipart path.
    await s3.upload({ Bucket: 'v2-bucket', Key: 'blob.bin', Body: body }, { partSize: 5 * 1024 * 1024, queueSize: 2 }).promise();
    const got = await s3.getObject({ Bucket: 'v2-bucket', Key: 'blob.bin' }).promise();
    expect(Buffer.compare(got.Body as Buffer, body)).toBe(0);
    expect(got.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    await s3.putObject({ Bucket: 'v2-bucket', Key: 'note.txt', Body: 'v2 says hi', ContentType: 'text/plain' }).promise();
    const listed = await s3.listObjects({ Bucket: 'v2-bucket' }).promise();
    expect(listed.Contents?.map((c) => [c.Key, c.Size])).toEqual([
      ['blob.bin', body.length],
      ['note.txt', 10],
    ]);
    await s3.deleteObjects({ Bucket: 'v2-bucket', Delete: { Objects: [{ Key: 'blob.bin' }, { Key: 'note.txt' }] } }).promise();
    await s3.deleteBucket({ Bucket: 'v2-bucket' }).promise();
    const buckets = await s3.listBuckets().promise();
    expect(buckets.Buckets?.map((b) => b.Name)).not.toContain('v2-bucket');
  });

  it('reports NoSuchBucket with its code and status', async () => {
    const e = (await s3
      .getObject({ Bucket: 'v2-missing', Key: 'x' })
      .promise()
      .catch((err: unknown) => err)) as AWS.AWSError;
    expect(e.code).toBe('NoSuchBucket');
    expect(e.statusCode).toBe(404);
  });

  it('answers STS GetCallerIdentity for the root user', async () => {
    const sts = new AWS.STS({
      endpoint: lab.endpoint,
      region: 'us-east-1',
      credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
    });
    const id = await sts.getCallerIdentity().promise();
    expect(id.Account).toMatch(/^\d{12}$/);
    expect(id.Arn).toBe(`arn:aws:iam::${id.Account}:root`);
    expect(id.UserId).toBe(id.Account);
  });

  // §8.5's gallery shape: a form upload streamed to s3.upload with a public-read ACL. Over plain HTTP
  // aws-sdk v2 itself refuses putObject with a non-file stream (it must hash the payload for SigV4 and
  // only sends UNSIGNED-PAYLOAD over https:); ManagedUpload buffers the stream into parts and works.
  it('streams a gallery-style upload with s3.upload and a public-read ACL', async () => {
    await s3.createBucket({ Bucket: 'v2-gallery' }).promise();
    const body = Readable.from([Buffer.from('\x89PNG '), Buffer.from('image bytes')]);
    await s3.upload({ Bucket: 'v2-gallery', Key: 'cat.png', Body: body, ContentType: 'image/png', ACL: 'public-read' }).promise();
    const got = await s3.getObject({ Bucket: 'v2-gallery', Key: 'cat.png' }).promise();
    expect([got.ContentType, String(got.Body)]).toEqual(['image/png', '\x89PNG image bytes']);
    const acl = await s3.getObjectAcl({ Bucket: 'v2-gallery', Key: 'cat.png' }).promise();
    expect(acl.Grants?.some((g) => g.Grantee?.URI === 'http://acs.amazonaws.com/groups/global/AllUsers' && g.Permission === 'READ')).toBe(true);
    const refused = await s3.putObject({ Bucket: 'v2-gallery', Key: 'raw', Body: Readable.from([Buffer.from('x')]) }).promise().then(() => '', (e: Error) => e.message);
    expect(refused).toBe('Non-file stream objects are not supported with SigV4');
  });
});
