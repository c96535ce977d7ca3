import { describe, expect, it } from 'vitest';
import { etagOf, expectAwsError, s3Lab } from './lab';

const B = 'listing';
const KEYS = ['a/1', 'a/2', 'a/b/3', 'c/4', 'top', 'with space/é+x'];

async function filled() {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: B });
  for (const Key of KEYS) await lab.s3('PutObject', { Bucket: B, Key, Body: Buffer.from(Key) });
  return lab;
}
const keys = (out: Record<string, unknown>) => ((out.Contents as { Key: string }[] | undefined) ?? []).map((c) => c.Key);
const prefixes = (out: Record<string, unknown>) => ((out.CommonPrefixes as { Prefix: string }[] | undefined) ?? []).map((c) => c.Prefix);

describe('ListObjects (v1)', () => {
  it('lists everything in binary key order with owner and defaults', async () => {
    const { s3, engine } = await filled();
    const out = await s3('ListObjects', { Bucket: B });
    expect(keys(out)).toEqual(KEYS);
    expect(out).toMatchObject({ IsTruncated: false, Marker: '', Name: B, Prefix: '', MaxKeys: 1000 });
    expect(out.NextMarker).toBeUndefined();
    const first = (out.Contents as Record<string, unknown>[])[0];
    expect(first).toEqual({
      Key: 'a/1',
      LastModified: new Date(Math.floor(engine.clock.now() / 1000) * 1000),
      ETag: etagOf('a/1'),
      Size: 3,
      StorageClass: 'STANDARD',
      Owner: (await s3('ListBuckets', {})).Owner,
    });
  });

  it('pages with Marker; NextMarker only with a delimiter', async () => {
    const { s3 } = await filled();
    const p1 = await s3('ListObjects', { Bucket: B, MaxKeys: 2 });
    expect([keys(p1), p1.IsTruncated, p1.NextMarker]).toEqual([['a/1', 'a/2'], true, undefined]);
    const p2 = await s3('ListObjects', { Bucket: B, MaxKeys: 2, Marker: 'a/2' });
    expect(keys(p2)).toEqual(['a/b/3', 'c/4']);
    const d1 = await s3('ListObjects', { Bucket: B, Delimiter: '/', MaxKeys: 2 });
    expect([keys(d1), prefixes(d1), d1.IsTruncated, d1.NextMarker]).toEqual([[], ['a/', 'c/'], true, 'c/']);
    const d2 = await s3('ListObjects', { Bucket: B, Delimiter: '/', MaxKeys: 2, Marker: 'c/' });
    expect([keys(d2), prefixes(d2), d2.IsTruncated]).toEqual([['top'], ['with space/'], false]);
  });

  it('groups by delimiter under a prefix', async () => {
    const { s3 } = await filled();
    const out = await s3('ListObjects', { Bucket: B, Prefix: 'a/', Delimiter: '/' });
    expect([keys(out), prefixes(out), out.Prefix, out.Delimiter]).toEqual([['a/1', 'a/2'], ['a/b/'], 'a/', '/']);
  });

  it('url-encodes keys and prefixes with EncodingType=url', async () => {
    const { s3 } = await filled();
    const out = await s3('ListObjects', { Bucket: B, Prefix: 'with space/', EncodingType: 'url' });
    expect([keys(out), out.Prefix, out.EncodingType]).toEqual([['with+space/%C3%A9%2Bx'], 'with+space/', 'url']);
  });

  it('answers NoSuchBucket', async () => {
    const { s3 } = s3Lab();
    await expectAwsError(s3('ListObjects', { Bucket: 'nothing' }), 'NoSuchBucket', 'The specified bucket does not exist', 404);
  });
});

describe('ListObjectsV2', () => {
  it('counts keys and common prefixes in KeyCount; no Owner unless FetchOwner', async () => {
    const { s3 } = await filled();
    const out = await s3('ListObjectsV2', { Bucket: B, Delimiter: '/' });
    expect([keys(out), prefixes(out), out.KeyCount, out.IsTruncated]).toEqual([['top'], ['a/', 'c/', 'with space/'], 4, false]);
    expect((out.Contents as Record<string, unknown>[])[0]!.Owner).toBeUndefined();
    const owned = await s3('ListObjectsV2', { Bucket: B, FetchOwner: true, MaxKeys: 1 });
    expect((owned.Contents as Record<string, unknown>[])[0]!.Owner).toEqual((await s3('ListBuckets', {})).Owner);
  });

  it('pages with an opaque ContinuationToken and starts after StartAfter', async () => {
    const { s3 } = await filled();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3('ListObjectsV2', { Bucket: B, MaxKeys: 4, ContinuationToken: token });
      expect(page.ContinuationToken).toBe(token);
      seen.push(...keys(page));
      token = page.IsTruncated ? (page.NextContinuationToken as string) : undefined;
      pages++;
    } while (token);
    expect([pages, seen]).toEqual([2, KEYS]);
    const after = await s3('ListObjectsV2', { Bucket: B, StartAfter: 'c/4' });
    expect([keys(after), after.StartAfter, after.KeyCount]).toEqual([['top', 'with space/é+x'], 'c/4', 2]);
    const empty = await s3('ListObjectsV2', { Bucket: B, Prefix: 'zzz' });
    expect([empty.Contents, empty.KeyCount, empty.IsTruncated]).toEqual([undefined, 0, false]);
  });

  it('refuses a forged continuation token', async () => {
    const { s3 } = await filled();
    await expectAwsError(s3('ListObjectsV2', { Bucket: B, ContinuationToken: 'garbage' }), 'InvalidArgument', 'The continuation token provided is incorrect', 400, {
      ArgumentName: 'continuation-token',
      ArgumentValue: 'garbage',
    });
  });
});
