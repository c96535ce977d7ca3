import { describe, expect, it } from 'vitest';
import { expectAwsError, etagOf, readBody, s3Lab } from './lab';

async function setup() {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: 'src' });
  await lab.s3('CreateBucket', { Bucket: 'dst' });
  await lab.s3('PutObject', { Bucket: 'src', Key: 'dir/a b.txt', Body: Buffer.from('payload'), ContentType: 'text/plain', Metadata: { owner: 'me' } });
  return lab;
}

describe('CopyObject', () => {
  it('copies body and metadata (COPY), from a url-encoded source, sharing the blob', async () => {
    const { s3, engine, count } = await setup();
    engine.clock.advance(5000);
    const out = await s3('CopyObject', { Bucket: 'dst', Key: 'copy', CopySource: 'src/dir/a%20b.txt' });
    expect(out).toEqual({ CopyObjectResult: { ETag: etagOf('payload'), LastModified: new Date(Math.floor(engine.clock.now() / 1000) * 1000) } });
    const got = await s3('GetObject', { Bucket: 'dst', Key: 'copy' });
    expect((await readBody(got.Body)).toString()).toBe('payload');
    expect({ ...(got.Metadata as object) }).toEqual({ owner: 'me' });
    expect(got.ContentType).toBe('text/plain');
    expect([count('s3_objects'), count('s3_blobs'), count('s3_object_blobs')]).toEqual([2, 1, 2]);
  });

  it('REPLACE takes the request metadata; a leading slash in the source is fine', async () => {
    const { s3 } = await setup();
    await s3('CopyObject', {
      Bucket: 'dst',
      Key: 'r',
      CopySource: '/src/dir/a%20b.txt',
      MetadataDirective: 'REPLACE',
      ContentType: 'application/json',
      Metadata: { fresh: 'yes' },
    });
    const head = await s3('HeadObject', { Bucket: 'dst', Key: 'r' });
    expect([head.ContentType, { ...(head.Metadata as object) }]).toEqual(['application/json', { fresh: 'yes' }]);
  });

  it('refuses a copy onto itself without changes, allows it with REPLACE or a new storage class', async () => {
    const { s3 } = await setup();
    const self = { Bucket: 'src', Key: 'dir/a b.txt', CopySource: 'src/dir/a%20b.txt' };
    await expectAwsError(
      s3('CopyObject', self),
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      400,
    );
    await s3('CopyObject', { ...self, MetadataDirective: 'REPLACE', Metadata: { v: '2' } });
    expect({ ...((await s3('HeadObject', { Bucket: 'src', Key: 'dir/a b.txt' })).Metadata as object) }).toEqual({ v: '2' });
    await s3('CopyObject', { ...self, StorageClass: 'GLACIER_IR' });
    const head = await s3('HeadObject', { Bucket: 'src', Key: 'dir/a b.txt' });
    expect([head.StorageClass, { ...(head.Metadata as object) }]).toEqual(['GLACIER_IR', { v: '2' }]);
    expect((await readBody((await s3('GetObject', { Bucket: 'src', Key: 'dir/a b.txt' })).Body)).toString()).toBe('payload');
  });

  it('answers NoSuchKey / NoSuchBucket for the source and InvalidArgument for a malformed source', async () => {
    const { s3 } = await setup();
    await expectAwsError(s3('CopyObject', { Bucket: 'dst', Key: 'x', CopySource: 'src/none' }), 'NoSuchKey', 'The specified key does not exist.', 404, {
      Key: 'none',
    });
    await expectAwsError(s3('CopyObject', { Bucket: 'dst', Key: 'x', CopySource: 'nobucket/k' }), 'NoSuchBucket', 'The specified bucket does not exist', 404, {
      BucketName: 'nobucket',
    });
    await expectAwsError(
      s3('CopyObject', { Bucket: 'dst', Key: 'x', CopySource: 'just-a-bucket' }),
      'InvalidArgument',
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      400,
      { ArgumentName: 'x-amz-copy-source', ArgumentValue: 'just-a-bucket' },
    );
  });

  it('checks x-amz-copy-source-if-* conditions with 412', async () => {
    const { s3 } = await setup();
    const base = { Bucket: 'dst', Key: 'x', CopySource: 'src/dir/a%20b.txt' };
    const pre = ['PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412] as const;
    await expectAwsError(s3('CopyObject', { ...base, CopySourceIfMatch: '"nope"' }), ...pre, { Condition: 'x-amz-copy-source-If-Match' });
    await expectAwsError(s3('CopyObject', { ...base, CopySourceIfNoneMatch: etagOf('payload') }), ...pre, {
      Condition: 'x-amz-copy-source-If-None-Match',
    });
    await expect(s3('CopyObject', { ...base, CopySourceIfMatch: etagOf('payload') })).resolves.toHaveProperty('CopyObjectResult');
  });

  it('shared blobs: deleting one copy keeps the other readable; deleting both leaves no garbage', async () => {
    const { s3, count } = await setup();
    await s3('CopyObject', { Bucket: 'dst', Key: 'c1', CopySource: 'src/dir/a%20b.txt' });
    await s3('CopyObject', { Bucket: 'dst', Key: 'c2', CopySource: 'dst/c1' });
    await s3('DeleteObject', { Bucket: 'src', Key: 'dir/a b.txt' });
    await s3('PutObject', { Bucket: 'dst', Key: 'c1', Body: Buffer.from('overwritten') });
    expect((await readBody((await s3('GetObject', { Bucket: 'dst', Key: 'c2' })).Body)).toString()).toBe('payload');
    expect(count('s3_blobs')).toBe(2);
    await s3('DeleteObjects', { Bucket: 'dst', Delete: { Objects: [{ Key: 'c1' }, { Key: 'c2' }] } });
    expect([count('s3_objects'), count('s3_blobs'), count('s3_chunks'), count('s3_object_blobs')]).toEqual([0, 0, 0, 0]);
  });
});
