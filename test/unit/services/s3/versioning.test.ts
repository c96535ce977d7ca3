import { describe, expect, it } from 'vitest';
import { expectAwsError, readBody, s3Lab } from './lab';

const B = 'versioned';
async function versionedLab() {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: B });
  await lab.s3('PutBucketVersioning', { Bucket: B, VersioningConfiguration: { Status: 'Enabled' } });
  return lab;
}
const put = (lab: Awaited<ReturnType<typeof versionedLab>>, key: string, body: string) =>
  lab.s3('PutObject', { Bucket: B, Key: key, Body: Buffer.from(body) }) as Promise<{ VersionId: string }>;

describe('versioning', () => {
  it('keeps every write, hides a deleted key behind a marker, reads old versions by id', async () => {
    const lab = await versionedLab();
    expect(await lab.s3('GetBucketVersioning', { Bucket: B })).toEqual({ Status: 'Enabled' });
    const v1 = (await put(lab, 'k', 'one')).VersionId;
    const v2 = (await put(lab, 'k', 'two')).VersionId;
    const v3 = (await put(lab, 'k', 'three')).VersionId;
    expect(new Set([v1, v2, v3]).size).toBe(3);
    expect(v1).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const del = await lab.s3('DeleteObject', { Bucket: B, Key: 'k' });
    expect(del.DeleteMarker).toBe(true);
    const marker = del.VersionId as string;

    const e = await expectAwsError(lab.s3('GetObject', { Bucket: B, Key: 'k' }), 'NoSuchKey', 'The specified key does not exist.', 404);
    expect(e.headers['x-amz-delete-marker']).toBe('true');
    expect((await readBody((await lab.s3('GetObject', { Bucket: B, Key: 'k', VersionId: v2 })).Body)).toString()).toBe('two');
    await expectAwsError(lab.s3('GetObject', { Bucket: B, Key: 'k', VersionId: marker }), 'MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);

    const list = await lab.s3('ListObjectVersions', { Bucket: B });
    const versions = list.Versions as { VersionId: string; IsLatest: boolean }[];
    expect(versions.map((v) => v.VersionId)).toEqual([v3, v2, v1]);
    expect(versions.every((v) => !v.IsLatest)).toBe(true);
    expect(list.DeleteMarkers).toMatchObject([{ Key: 'k', VersionId: marker, IsLatest: true }]);
    expect((await lab.s3('ListObjectsV2', { Bucket: B })).KeyCount).toBe(0);

    // Removing the marker brings v3 back; removing v3 by id brings v2 back.
    await lab.s3('DeleteObject', { Bucket: B, Key: 'k', VersionId: marker });
    expect((await readBody((await lab.s3('GetObject', { Bucket: B, Key: 'k' })).Body)).toString()).toBe('three');
    await lab.s3('DeleteObject', { Bucket: B, Key: 'k', VersionId: v3 });
    const head = await lab.s3('HeadObject', { Bucket: B, Key: 'k' });
    expect(head.VersionId).toBe(v2);
    await expectAwsError(lab.s3('DeleteBucket', { Bucket: B }), 'BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
    for (const v of [v1, v2]) await lab.s3('DeleteObject', { Bucket: B, Key: 'k', VersionId: v });
    expect([lab.count('s3_objects'), lab.count('s3_versions'), lab.count('s3_blobs')]).toEqual([0, 0, 0]);
    await lab.s3('DeleteBucket', { Bucket: B });
  });

  it('pages with key and version markers', async () => {
    const lab = await versionedLab();
    for (const k of ['a', 'b']) for (let i = 0; i < 3; i++) await put(lab, k, `${k}${i}`);
    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (;;) {
      const page = await lab.s3('ListObjectVersions', { Bucket: B, MaxKeys: 2, KeyMarker, VersionIdMarker });
      for (const v of (page.Versions ?? []) as { Key: string; VersionId: string }[]) seen.push(`${v.Key}:${v.VersionId}`);
      if (!page.IsTruncated) break;
      KeyMarker = page.NextKeyMarker as string;
      VersionIdMarker = page.NextVersionIdMarker as string;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.map((s) => s[0])).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
  });

  it('suspended: writes and deletes use the null version, older versions stay', async () => {
    const lab = await versionedLab();
    const v1 = (await put(lab, 'k', 'one')).VersionId;
    await lab.s3('PutBucketVersioning', { Bucket: B, VersioningConfiguration: { Status: 'Suspended' } });
    expect((await put(lab, 'k', 'two')).VersionId).toBe('null');
    expect((await put(lab, 'k', 'three')).VersionId).toBe('null');
    const list = await lab.s3('ListObjectVersions', { Bucket: B });
    expect((list.Versions as { VersionId: string }[]).map((v) => v.VersionId)).toEqual(['null', v1]);
    const del = await lab.s3('DeleteObject', { Bucket: B, Key: 'k' });
    expect(del).toMatchObject({ DeleteMarker: true, VersionId: 'null' });
    const after = await lab.s3('ListObjectVersions', { Bucket: B });
    expect((after.Versions as { VersionId: string }[]).map((v) => v.VersionId)).toEqual([v1]);
    expect(after.DeleteMarkers).toMatchObject([{ VersionId: 'null', IsLatest: true }]);
  });

  it('refuses bad input in S3 words', async () => {
    const lab = await versionedLab();
    await expectAwsError(lab.s3('PutBucketVersioning', { Bucket: B, VersioningConfiguration: { Status: 'On' } }), 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
    await expectAwsError(lab.s3('GetObject', { Bucket: B, Key: 'k', VersionId: 'nope' }), 'InvalidArgument', 'Invalid version id specified', 400);
    await put(lab, 'k', 'x');
    await expectAwsError(lab.s3('GetObject', { Bucket: B, Key: 'k', VersionId: 'A'.repeat(32) }), 'NoSuchVersion', 'The specified version does not exist.', 404);
  });
});
