// Defect 1: MaxKeys=0 / -1 (and MaxUploads) left an SQLite statement open, so every later call
// answered "database connection is busy". Each limit must answer and leave the store usable.
import { describe, expect, it } from 'vitest';
import { expectAwsError, s3Lab } from '../services/s3/lab';

const B = 'limits';

describe('S3 listing limits at 0 and -1', () => {
  it.each([
    ['ListObjectsV2', { MaxKeys: 0 }],
    ['ListObjects', { MaxKeys: 0 }],
    ['ListMultipartUploads', { MaxUploads: 0 }],
  ] as const)('%s with %o answers an empty page and the lab keeps answering', async (op, limit) => {
    const lab = s3Lab();
    await lab.s3('CreateBucket', { Bucket: B });
    await lab.s3('PutObject', { Bucket: B, Key: 'k', Body: Buffer.from('x') });
    await lab.s3('CreateMultipartUpload', { Bucket: B, Key: 'k' });
    const out = await lab.s3(op, { Bucket: B, ...limit });
    expect(out.IsTruncated).toBe(false);
    expect(out.Contents ?? out.Uploads ?? []).toEqual([]);
    // A write after it: fails with "connection is busy" while a statement is left open.
    await lab.s3('PutObject', { Bucket: B, Key: 'after', Body: Buffer.from('y') });
    expect((await lab.s3('ListObjectsV2', { Bucket: B })).KeyCount).toBe(2);
  });

  it.each([
    ['ListObjectsV2', { MaxKeys: -1 }, 'maxKeys'],
    ['ListObjects', { MaxKeys: -1 }, 'maxKeys'],
    ['ListMultipartUploads', { MaxUploads: -1 }, 'maxUploads'],
  ] as const)('%s with %o is refused as S3 does, and the lab keeps answering', async (op, limit, arg) => {
    const lab = s3Lab();
    await lab.s3('CreateBucket', { Bucket: B });
    await lab.s3('PutObject', { Bucket: B, Key: 'k', Body: Buffer.from('x') });
    await expectAwsError(lab.s3(op, { Bucket: B, ...limit }), 'InvalidArgument', `Argument ${arg} must be an integer between 0 and 2147483647`, 400);
    await lab.s3('PutObject', { Bucket: B, Key: 'after', Body: Buffer.from('y') });
    expect((await lab.s3('ListObjectsV2', { Bucket: B })).KeyCount).toBe(2);
  });
});
