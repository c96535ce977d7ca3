import { describe, expect, it } from 'vitest';
import { rootPrincipal } from '../../../../src-main/engine/core/account';
import { expectAwsError, HTTP_STATUS, s3Lab } from './lab';

const notValid = (name: string) => ['InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name }] as const;

describe('CreateBucket', () => {
  describe('validation', () => {
    it.each([
      'ab',
      'a'.repeat(64),
      'Upper-case',
      'under_score',
      '-starts-with-hyphen',
      'ends-with-hyphen-',
      '.starts-with-dot',
      'ends-with-dot.',
      'two..dots',
      '192.168.5.4',
      'xn--punycode',
      'sthree-reserved',
      'name-s3alias',
      'name--ol-s3',
      'has space',
    ])('refuses %j', async (name) => {
      const { s3, count } = s3Lab();
      await expectAwsError(s3('CreateBucket', { Bucket: name }), ...notValid(name));
      expect(count('s3_buckets')).toBe(0);
    });

    it.each(['abc', 'a'.repeat(63), 'my.bucket-1', '1-2-3', 'a.b.c', '192.168.5.4x'])('accepts %j', async (name) => {
      const { s3 } = s3Lab();
      await expect(s3('CreateBucket', { Bucket: name })).resolves.toEqual({ Location: `/${name}` });
    });
  });

  describe('behaviour', () => {
    it('creates in us-east-1 without configuration, and refuses a second create with 409', async () => {
      const { s3 } = s3Lab();
      await s3('CreateBucket', { Bucket: 'mine' });
      await expectAwsError(
        s3('CreateBucket', { Bucket: 'mine' }),
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409,
        { BucketName: 'mine' },
      );
    });

    it('is global per partition: another account gets BucketAlreadyExists', async () => {
      const lab = s3Lab();
      await lab.s3('CreateBucket', { Bucket: 'taken' });
      const other = lab.as(rootPrincipal('111122223333'));
      await expectAwsError(
        other('CreateBucket', { Bucket: 'taken' }),
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        409,
        { BucketName: 'taken' },
      );
      await expectAwsError(other('HeadBucket', { Bucket: 'taken' }), 'AccessDenied', 'Access Denied', 403);
      expect(((await other('ListBuckets', {})).Buckets as unknown[]).length).toBe(0);
    });

    it('creates in the signing region with a matching LocationConstraint', async () => {
      const { s3 } = s3Lab();
      const out = await s3('CreateBucket', { Bucket: 'in-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }, 'eu-west-1');
      expect(out).toEqual({ Location: 'http://in-eu.s3.amazonaws.com/' });
      expect(await s3('GetBucketLocation', { Bucket: 'in-eu' })).toEqual({ LocationConstraint: 'eu-west-1' });
    });

    it('lets the us-east-1 (global) endpoint create in another region, and maps EU to eu-west-1', async () => {
      const { s3 } = s3Lab();
      await s3('CreateBucket', { Bucket: 'from-global', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } });
      expect(await s3('GetBucketLocation', { Bucket: 'from-global' })).toEqual({ LocationConstraint: 'ap-south-1' });
      await s3('CreateBucket', { Bucket: 'legacy-eu', CreateBucketConfiguration: { LocationConstraint: 'EU' } });
      expect(await s3('GetBucketLocation', { Bucket: 'legacy-eu' })).toEqual({ LocationConstraint: 'eu-west-1' });
    });
  });

  describe('errors', () => {
    it('refuses a constraint that differs from a regional endpoint', async () => {
      const { s3 } = s3Lab();
      await expectAwsError(
        s3('CreateBucket', { Bucket: 'x-region', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }, 'eu-west-1'),
        'IllegalLocationConstraintException',
        'The us-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.',
        400,
      );
    });

    it('refuses a missing constraint outside us-east-1', async () => {
      const { s3 } = s3Lab();
      await expectAwsError(
        s3('CreateBucket', { Bucket: 'no-config' }, 'eu-west-1'),
        'IllegalLocationConstraintException',
        'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
        400,
      );
    });

    it('refuses an explicit us-east-1 constraint and unknown regions', async () => {
      const { s3, count } = s3Lab();
      await expectAwsError(
        s3('CreateBucket', { Bucket: 'explicit', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' } }),
        'InvalidLocationConstraint',
        'The specified location-constraint is not valid',
        400,
        { LocationConstraint: 'us-east-1' },
      );
      await expectAwsError(
        s3('CreateBucket', { Bucket: 'moon', CreateBucketConfiguration: { LocationConstraint: 'moon-base-1' } }),
        'InvalidLocationConstraint',
        'The specified location-constraint is not valid',
        400,
        { LocationConstraint: 'moon-base-1' },
      );
      expect(count('s3_buckets')).toBe(0);
    });
  });
});

describe('DeleteBucket', () => {
  it('deletes an empty bucket with 204, refuses a non-empty one, and 404s a missing one', async () => {
    const { s3 } = s3Lab();
    await s3('CreateBucket', { Bucket: 'full' });
    await s3('PutObject', { Bucket: 'full', Key: 'k', Body: Buffer.from('x') });
    await expectAwsError(s3('DeleteBucket', { Bucket: 'full' }), 'BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, {
      BucketName: 'full',
    });
    await s3('DeleteObject', { Bucket: 'full', Key: 'k' });
    expect((await s3('DeleteBucket', { Bucket: 'full' }))[HTTP_STATUS]).toBe(204);
    await expectAwsError(s3('DeleteBucket', { Bucket: 'full' }), 'NoSuchBucket', 'The specified bucket does not exist', 404, {
      BucketName: 'full',
    });
  });

  it('takes unfinished multipart uploads and their parts with it', async () => {
    const { s3, count } = s3Lab();
    await s3('CreateBucket', { Bucket: 'uploads' });
    const { UploadId } = await s3('CreateMultipartUpload', { Bucket: 'uploads', Key: 'big' });
    await s3('UploadPart', { Bucket: 'uploads', Key: 'big', UploadId, PartNumber: 1, Body: Buffer.from('part') });
    await s3('DeleteBucket', { Bucket: 'uploads' });
    expect([count('s3_uploads'), count('s3_parts'), count('s3_blobs'), count('s3_chunks')]).toEqual([0, 0, 0, 0]);
  });
});

describe('HeadBucket, GetBucketLocation, ListBuckets', () => {
  it('HeadBucket answers the region, or NoSuchBucket 404', async () => {
    const { s3 } = s3Lab();
    await s3('CreateBucket', { Bucket: 'headed' });
    expect(await s3('HeadBucket', { Bucket: 'headed' })).toEqual({ BucketRegion: 'us-east-1', AccessPointAlias: false });
    await expectAwsError(s3('HeadBucket', { Bucket: 'nope-nope' }), 'NoSuchBucket', 'The specified bucket does not exist', 404, {
      BucketName: 'nope-nope',
    });
  });

  it('GetBucketLocation is null for us-east-1 and 404 for a missing bucket', async () => {
    const { s3 } = s3Lab();
    await s3('CreateBucket', { Bucket: 'virginia' });
    expect(await s3('GetBucketLocation', { Bucket: 'virginia' })).toEqual({ LocationConstraint: null });
    await expectAwsError(s3('GetBucketLocation', { Bucket: 'gone-gone' }), 'NoSuchBucket', 'The specified bucket does not exist', 404);
  });

  it('ListBuckets lists by name with a stable 64-hex owner id, and pages', async () => {
    const lab = s3Lab();
    const now = lab.engine.clock.now();
    for (const b of ['charlie', 'alpha', 'bravo']) await lab.s3('CreateBucket', { Bucket: b });
    const all = await lab.s3('ListBuckets', {});
    const created = new Date(Math.floor(now / 1000) * 1000);
    expect(all.Buckets).toEqual(
      ['alpha', 'bravo', 'charlie'].map((Name) => ({ Name, CreationDate: expect.any(Date), BucketRegion: 'us-east-1' })),
    );
    expect((all.Buckets as { CreationDate: Date }[])[0]!.CreationDate.getTime()).toBeGreaterThanOrEqual(created.getTime());
    const owner = all.Owner as { ID: string; DisplayName: string };
    expect(owner.ID).toMatch(/^[0-9a-f]{64}$/);
    expect((await lab.s3('ListBuckets', {})).Owner).toEqual(owner);
    const first = await lab.s3('ListBuckets', { MaxBuckets: 2 });
    expect((first.Buckets as { Name: string }[]).map((b) => b.Name)).toEqual(['alpha', 'bravo']);
    const rest = await lab.s3('ListBuckets', { MaxBuckets: 2, ContinuationToken: first.ContinuationToken });
    expect((rest.Buckets as { Name: string }[]).map((b) => b.Name)).toEqual(['charlie']);
    expect(rest.ContinuationToken).toBeUndefined();
    const pre = await lab.s3('ListBuckets', { Prefix: 'br' });
    expect((pre.Buckets as { Name: string }[]).map((b) => b.Name)).toEqual(['bravo']);
  });
});

describe('two regions', () => {
  it('a bucket made in eu-west-1 is listed from every region and located in eu-west-1', async () => {
    const { s3 } = s3Lab();
    await s3('CreateBucket', { Bucket: 'euro-data', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }, 'eu-west-1');
    await s3('CreateBucket', { Bucket: 'us-data' }, 'us-east-1');
    for (const region of ['us-east-1', 'eu-west-1', 'ap-northeast-1']) {
      const list = await s3('ListBuckets', {}, region);
      expect((list.Buckets as { Name: string; BucketRegion: string }[]).map((b) => [b.Name, b.BucketRegion])).toEqual([
        ['euro-data', 'eu-west-1'],
        ['us-data', 'us-east-1'],
      ]);
      expect(await s3('GetBucketLocation', { Bucket: 'euro-data' }, region)).toEqual({ LocationConstraint: 'eu-west-1' });
    }
    expect(await s3('HeadBucket', { Bucket: 'euro-data' })).toEqual({ BucketRegion: 'eu-west-1', AccessPointAlias: false });
  });
});
