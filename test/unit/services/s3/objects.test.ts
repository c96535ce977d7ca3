import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { expectAwsError, etagOf, HTTP_STATUS, md5b64, readBody, s3Lab } from './lab';

async function withBucket() {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: 'objects' });
  return lab;
}
const B = 'objects';

describe('PutObject / GetObject / HeadObject', () => {
  it('stores the body with defaults: binary/octet-stream, STANDARD, quoted MD5 ETag', async () => {
    const { s3, engine } = await withBucket();
    const put = await s3('PutObject', { Bucket: B, Key: 'a.txt', Body: Buffer.from('hello') });
    expect(put).toEqual({ ETag: etagOf('hello') });
    const got = await s3('GetObject', { Bucket: B, Key: 'a.txt' });
    expect({ ...got, Body: undefined }).toEqual({
      Body: undefined,
      AcceptRanges: 'bytes',
      LastModified: new Date(Math.floor(engine.clock.now() / 1000) * 1000),
      ContentLength: 5,
      ETag: etagOf('hello'),
      ContentType: 'binary/octet-stream',
      Metadata: {},
    });
    expect((await readBody(got.Body)).toString()).toBe('hello');
    expect(got[HTTP_STATUS]).toBeUndefined();
  });

  it('keeps content headers, storage class and user metadata (null-prototype, lower-case keys)', async () => {
    const { s3 } = await withBucket();
    const expires = new Date('2030-01-02T03:04:05.000Z');
    const Metadata = Object.assign(Object.create(null) as Record<string, string>, { owner: 'learner', chapter: '7' });
    await s3('PutObject', {
      Bucket: B,
      Key: 'page.html',
      Body: Buffer.from('<h1>hi</h1>'),
      ContentType: 'text/html',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      ContentEncoding: 'identity',
      ContentLanguage: 'en',
      Expires: expires,
      StorageClass: 'STANDARD_IA',
      Metadata,
    });
    const head = await s3('HeadObject', { Bucket: B, Key: 'page.html' });
    expect(head).toMatchObject({
      ContentType: 'text/html',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      ContentEncoding: 'identity',
      ContentLanguage: 'en',
      Expires: expires,
      StorageClass: 'STANDARD_IA',
      ContentLength: 11,
    });
    expect(Object.getPrototypeOf(head.Metadata)).toBeNull();
    expect({ ...(head.Metadata as object) }).toEqual({ owner: 'learner', chapter: '7' });
    expect(head.Body).toBeUndefined();
  });

  it('takes a streamed body (Readable) and a string body', async () => {
    const { s3 } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'stream', Body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]) });
    expect((await readBody((await s3('GetObject', { Bucket: B, Key: 'stream' })).Body)).toString()).toBe('abcd');
    await s3('PutObject', { Bucket: B, Key: 'empty' });
    const empty = await s3('GetObject', { Bucket: B, Key: 'empty' });
    expect(empty.ContentLength).toBe(0);
    expect(empty.ETag).toBe(etagOf(''));
    expect((await readBody(empty.Body)).length).toBe(0);
  });

  it('applies Response* overrides on GET', async () => {
    const { s3 } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'o', Body: Buffer.from('x'), ContentType: 'text/plain' });
    const got = await s3('GetObject', {
      Bucket: B,
      Key: 'o',
      ResponseContentType: 'application/json',
      ResponseContentDisposition: 'attachment; filename="o.json"',
      ResponseCacheControl: 'no-cache',
      ResponseContentEncoding: 'gzip',
      ResponseContentLanguage: 'de',
      ResponseExpires: new Date('2031-01-01T00:00:00Z'),
    });
    expect(got).toMatchObject({
      ContentType: 'application/json',
      ContentDisposition: 'attachment; filename="o.json"',
      CacheControl: 'no-cache',
      ContentEncoding: 'gzip',
      ContentLanguage: 'de',
      Expires: new Date('2031-01-01T00:00:00Z'),
    });
  });

  it('checks Content-MD5: right digest passes, wrong one is BadDigest, malformed is InvalidDigest; nothing is stored', async () => {
    const { s3, count } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'ok', Body: Buffer.from('data'), ContentMD5: md5b64('data') });
    await expectAwsError(
      s3('PutObject', { Bucket: B, Key: 'bad', Body: Buffer.from('data'), ContentMD5: md5b64('other') }),
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
      400,
      { ExpectedDigest: md5b64('other'), CalculatedDigest: md5b64('data') },
    );
    await expectAwsError(
      s3('PutObject', { Bucket: B, Key: 'bad', Body: Readable.from([Buffer.alloc(3 << 20)]), ContentMD5: md5b64('other') }),
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
      400,
    );
    await expectAwsError(
      s3('PutObject', { Bucket: B, Key: 'bad', Body: Buffer.from('data'), ContentMD5: 'not-base64!' }),
      'InvalidDigest',
      'The Content-MD5 you specified was invalid.',
      400,
      { 'Content-MD5': 'not-base64!' },
    );
    await expectAwsError(s3('HeadObject', { Bucket: B, Key: 'bad' }), 'NoSuchKey', 'The specified key does not exist.', 404);
    expect([count('s3_objects'), count('s3_blobs'), count('s3_chunks')]).toEqual([1, 1, 1]);
  });

  it('refuses long keys, big metadata and unknown storage classes', async () => {
    const { s3 } = await withBucket();
    await expectAwsError(s3('PutObject', { Bucket: B, Key: 'k'.repeat(1025), Body: Buffer.from('') }), 'KeyTooLongError', 'Your key is too long', 400, {
      Size: '1025',
      MaxSizeAllowed: '1024',
    });
    await expectAwsError(
      s3('PutObject', { Bucket: B, Key: 'm', Body: Buffer.from(''), Metadata: { big: 'v'.repeat(2046) } }),
      'MetadataTooLarge',
      'Your metadata headers exceed the maximum allowed metadata size.',
      400,
      { Size: '2049', MaxSizeAllowed: '2048' },
    );
    await expectAwsError(
      s3('PutObject', { Bucket: B, Key: 's', Body: Buffer.from(''), StorageClass: 'COLD_STORAGE' }),
      'InvalidStorageClass',
      'The storage class you specified is not valid',
      400,
      { StorageClassRequested: 'COLD_STORAGE' },
    );
  });

  it('answers NoSuchBucket and NoSuchKey with their extras', async () => {
    const { s3 } = await withBucket();
    await expectAwsError(s3('PutObject', { Bucket: 'missing', Key: 'k', Body: Buffer.from('') }), 'NoSuchBucket', 'The specified bucket does not exist', 404, {
      BucketName: 'missing',
    });
    await expectAwsError(s3('GetObject', { Bucket: B, Key: 'dir/none' }), 'NoSuchKey', 'The specified key does not exist.', 404, { Key: 'dir/none' });
  });
});

describe('Range', () => {
  const body = Buffer.from('0123456789abcdefghij');
  const get = async (Range: string) => {
    const { s3 } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'r', Body: body });
    return s3('GetObject', { Bucket: B, Key: 'r', Range });
  };
  it.each([
    ['bytes=5-9', '56789', 'bytes 5-9/20'],
    ['bytes=15-', 'fghij', 'bytes 15-19/20'],
    ['bytes=-3', 'hij', 'bytes 17-19/20'],
    ['bytes=-50', body.toString(), 'bytes 0-19/20'],
    ['bytes=18-100', 'ij', 'bytes 18-19/20'],
  ])('%s → 206 %j', async (range, text, contentRange) => {
    const got = await get(range);
    expect(got[HTTP_STATUS]).toBe(206);
    expect(got.ContentRange).toBe(contentRange);
    expect(got.ContentLength).toBe(text.length);
    expect((await readBody(got.Body)).toString()).toBe(text);
  });

  it.each(['bytes=9-5', 'bytes=abc', 'items=0-1', 'bytes=0-1,3-4'])('ignores %j and sends the whole object', async (range) => {
    const got = await get(range);
    expect(got[HTTP_STATUS]).toBeUndefined();
    expect(got.ContentRange).toBeUndefined();
    expect((await readBody(got.Body)).toString()).toBe(body.toString());
  });

  it.each(['bytes=20-', 'bytes=50-60', 'bytes=-0'])('%s → InvalidRange 416', async (range) => {
    await expectAwsError(get(range), 'InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: range,
      ActualObjectSize: '20',
    });
  });
});

describe('conditional requests', () => {
  it('If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since', async () => {
    const { s3, engine } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'c', Body: Buffer.from('v1') });
    const etag = etagOf('v1');
    const lastModified = (await s3('HeadObject', { Bucket: B, Key: 'c' })).LastModified as Date;
    const before = new Date(lastModified.getTime() - 60_000);
    const after = new Date(lastModified.getTime() + 60_000);
    const pre = ['PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412] as const;
    const not = ['NotModified', 'Not Modified', 304] as const;

    for (const op of ['GetObject', 'HeadObject']) {
      await expect(s3(op, { Bucket: B, Key: 'c', IfMatch: etag })).resolves.toMatchObject({ ETag: etag });
      await expect(s3(op, { Bucket: B, Key: 'c', IfMatch: '*' })).resolves.toMatchObject({ ETag: etag });
      await expectAwsError(s3(op, { Bucket: B, Key: 'c', IfMatch: '"nope"' }), ...pre, { Condition: 'If-Match' });
      await expectAwsError(s3(op, { Bucket: B, Key: 'c', IfNoneMatch: etag }), ...not);
      await expect(s3(op, { Bucket: B, Key: 'c', IfNoneMatch: '"other"' })).resolves.toMatchObject({ ETag: etag });
      await expectAwsError(s3(op, { Bucket: B, Key: 'c', IfModifiedSince: after }), ...not);
      await expect(s3(op, { Bucket: B, Key: 'c', IfModifiedSince: before })).resolves.toMatchObject({ ETag: etag });
      await expectAwsError(s3(op, { Bucket: B, Key: 'c', IfUnmodifiedSince: before }), ...pre, { Condition: 'If-Unmodified-Since' });
      await expect(s3(op, { Bucket: B, Key: 'c', IfUnmodifiedSince: after })).resolves.toMatchObject({ ETag: etag });
      // RFC 9110: If-Match wins over If-Unmodified-Since, If-None-Match over If-Modified-Since.
      await expect(s3(op, { Bucket: B, Key: 'c', IfMatch: etag, IfUnmodifiedSince: before })).resolves.toMatchObject({ ETag: etag });
      await expect(s3(op, { Bucket: B, Key: 'c', IfNoneMatch: '"x"', IfModifiedSince: after })).resolves.toMatchObject({ ETag: etag });
    }
    engine.clock.advance(3600_000);
    await s3('PutObject', { Bucket: B, Key: 'c', Body: Buffer.from('v2') });
    await expect(s3('GetObject', { Bucket: B, Key: 'c', IfModifiedSince: after })).resolves.toMatchObject({ ETag: etagOf('v2') });
  });
});

describe('DeleteObject', () => {
  it('deletes with 204 and is idempotent for missing keys', async () => {
    const { s3, count } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'd', Body: Buffer.from('bye') });
    expect((await s3('DeleteObject', { Bucket: B, Key: 'd' }))[HTTP_STATUS]).toBe(204);
    expect((await s3('DeleteObject', { Bucket: B, Key: 'd' }))[HTTP_STATUS]).toBe(204);
    await expectAwsError(s3('GetObject', { Bucket: B, Key: 'd' }), 'NoSuchKey', 'The specified key does not exist.', 404);
    expect([count('s3_blobs'), count('s3_chunks'), count('s3_object_blobs')]).toEqual([0, 0, 0]);
    await expectAwsError(s3('DeleteObject', { Bucket: 'nobucket', Key: 'd' }), 'NoSuchBucket', 'The specified bucket does not exist', 404);
  });

  it('overwriting a key frees the previous body', async () => {
    const { s3, count } = await withBucket();
    await s3('PutObject', { Bucket: B, Key: 'o', Body: Buffer.from('one') });
    await s3('PutObject', { Bucket: B, Key: 'o', Body: Buffer.from('two') });
    expect((await readBody((await s3('GetObject', { Bucket: B, Key: 'o' })).Body)).toString()).toBe('two');
    expect([count('s3_objects'), count('s3_blobs'), count('s3_chunks')]).toEqual([1, 1, 1]);
  });
});

describe('DeleteObjects', () => {
  it('deletes a batch, reports every key (missing ones too), and Quiet reports only errors', async () => {
    const { s3 } = await withBucket();
    for (const Key of ['a', 'b', 'c']) await s3('PutObject', { Bucket: B, Key, Body: Buffer.from(Key) });
    const out = await s3('DeleteObjects', { Bucket: B, Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }, { Key: 'zz' }, { Key: 'k'.repeat(1025) }] } });
    expect(out).toEqual({
      Deleted: [{ Key: 'a' }, { Key: 'b' }, { Key: 'zz' }],
      Errors: [{ Key: 'k'.repeat(1025), Code: 'KeyTooLongError', Message: 'Your key is too long' }],
    });
    expect(await s3('DeleteObjects', { Bucket: B, Delete: { Objects: [{ Key: 'c' }], Quiet: true } })).toEqual({});
    expect((await s3('ListObjectsV2', { Bucket: B })).KeyCount).toBe(0);
  });

  it('refuses an empty or oversized batch with MalformedXML', async () => {
    const { s3 } = await withBucket();
    const malformed = [
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
      400,
    ] as const;
    await expectAwsError(s3('DeleteObjects', { Bucket: B, Delete: { Objects: [] } }), ...malformed);
    const many = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
    await expectAwsError(s3('DeleteObjects', { Bucket: B, Delete: { Objects: many } }), ...malformed);
  });
});
