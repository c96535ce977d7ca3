import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { expectAwsError, HTTP_STATUS, md5hex, readBody, s3Lab } from './lab';

const B = 'multipart';
const MiB = 1024 * 1024;
const part = (n: number, size: number) => Buffer.alloc(size, n);

async function started(Key = 'big.bin') {
  const lab = s3Lab();
  await lab.s3('CreateBucket', { Bucket: B });
  const { UploadId } = (await lab.s3('CreateMultipartUpload', { Bucket: B, Key, ContentType: 'video/mp4', Metadata: { take: '1' } })) as {
    UploadId: string;
  };
  return { ...lab, UploadId, Key };
}

describe('multipart upload', () => {
  it('uploads streamed parts, completes with the multipart ETag and reads back in order, without copying blobs', async () => {
    const { s3, count, UploadId, Key } = await started();
    const bodies = [part(1, 5 * MiB), part(2, 5 * MiB + 3), part(3, 100)];
    const etags: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const r = await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: i + 1, Body: Readable.from([body]) });
      expect(r).toEqual({ ETag: `"${md5hex(body)}"` });
      etags.push(r.ETag as string);
    }
    const blobsBefore = count('s3_blobs');
    const done = await s3('CompleteMultipartUpload', {
      Bucket: B,
      Key,
      UploadId,
      MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
    });
    const digest = createHash('md5')
      .update(Buffer.concat(bodies.map((b) => createHash('md5').update(b).digest())))
      .digest('hex');
    expect(done).toEqual({ Location: `http://${B}.s3.amazonaws.com/big.bin`, Bucket: B, Key, ETag: `"${digest}-3"` });
    expect([count('s3_blobs'), count('s3_uploads'), count('s3_parts')]).toEqual([blobsBefore, 0, 0]);
    const got = await s3('GetObject', { Bucket: B, Key });
    expect([got.ContentLength, got.ContentType, { ...(got.Metadata as object) }]).toEqual([10 * MiB + 103, 'video/mp4', { take: '1' }]);
    expect(md5hex(await readBody(got.Body))).toBe(md5hex(Buffer.concat(bodies)));
    // A range across the part boundary.
    const r = await s3('GetObject', { Bucket: B, Key, Range: `bytes=${5 * MiB - 2}-${5 * MiB + 1}` });
    expect([...(await readBody(r.Body))]).toEqual([1, 1, 2, 2]);
  });

  it('drops parts left out of the list and replaced parts', async () => {
    const { s3, count, UploadId, Key } = await started();
    await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 1, Body: Buffer.from('first try') });
    const p1 = await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 1, Body: Buffer.from('only part') });
    await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 2, Body: Buffer.from('unused') });
    expect(count('s3_blobs')).toBe(2);
    await s3('CompleteMultipartUpload', { Bucket: B, Key, UploadId, MultipartUpload: { Parts: [{ ETag: p1.ETag, PartNumber: 1 }] } });
    expect([count('s3_blobs'), count('s3_chunks')]).toEqual([1, 1]);
    expect((await readBody((await s3('GetObject', { Bucket: B, Key })).Body)).toString()).toBe('only part');
  });

  it('lists parts and uploads', async () => {
    const { s3, UploadId, Key, engine } = await started();
    for (const n of [1, 2, 3]) await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: n, Body: Buffer.from(`p${n}`) });
    const page = await s3('ListParts', { Bucket: B, Key, UploadId, MaxParts: 2 });
    const owner = (await s3('ListBuckets', {})).Owner;
    expect(page).toEqual({
      Bucket: B,
      Key,
      UploadId,
      PartNumberMarker: 0,
      NextPartNumberMarker: 2,
      MaxParts: 2,
      IsTruncated: true,
      Parts: [1, 2].map((n) => ({ PartNumber: n, LastModified: expect.any(Date), ETag: `"${md5hex(`p${n}`)}"`, Size: 2 })),
      Initiator: owner,
      Owner: owner,
      StorageClass: 'STANDARD',
    });
    const rest = await s3('ListParts', { Bucket: B, Key, UploadId, PartNumberMarker: 2 });
    expect([(rest.Parts as { PartNumber: number }[]).map((p) => p.PartNumber), rest.IsTruncated]).toEqual([[3], false]);

    const second = (await s3('CreateMultipartUpload', { Bucket: B, Key: 'a/other' })).UploadId as string;
    const third = (await s3('CreateMultipartUpload', { Bucket: B, Key })).UploadId as string;
    const all = await s3('ListMultipartUploads', { Bucket: B });
    expect((all.Uploads as { Key: string; UploadId: string }[]).map((u) => [u.Key, u.UploadId])).toEqual([
      ['a/other', second],
      [Key, UploadId],
      [Key, third],
    ]);
    expect((all.Uploads as Record<string, unknown>[])[0]).toEqual({
      UploadId: second,
      Key: 'a/other',
      Initiated: new Date(Math.floor(engine.clock.now() / 1000) * 1000),
      StorageClass: 'STANDARD',
      Owner: owner,
      Initiator: owner,
    });
    const grouped = await s3('ListMultipartUploads', { Bucket: B, Delimiter: '/' });
    expect([(grouped.CommonPrefixes as { Prefix: string }[]).map((p) => p.Prefix), (grouped.Uploads as unknown[]).length]).toEqual([['a/'], 2]);
    const p1 = await s3('ListMultipartUploads', { Bucket: B, MaxUploads: 2 });
    expect([p1.IsTruncated, p1.NextKeyMarker, p1.NextUploadIdMarker]).toEqual([true, Key, UploadId]);
    const p2 = await s3('ListMultipartUploads', { Bucket: B, KeyMarker: p1.NextKeyMarker, UploadIdMarker: p1.NextUploadIdMarker });
    expect((p2.Uploads as { UploadId: string }[]).map((u) => u.UploadId)).toEqual([third]);
  });

  it('aborts with 204 and frees the parts; afterwards the upload is gone', async () => {
    const { s3, count, UploadId, Key } = await started();
    await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 1, Body: Buffer.from('x') });
    expect((await s3('AbortMultipartUpload', { Bucket: B, Key, UploadId }))[HTTP_STATUS]).toBe(204);
    expect([count('s3_uploads'), count('s3_parts'), count('s3_blobs'), count('s3_chunks')]).toEqual([0, 0, 0, 0]);
    const gone = [
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId },
    ] as const;
    await expectAwsError(s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 1, Body: Buffer.from('x') }), ...gone);
    await expectAwsError(s3('AbortMultipartUpload', { Bucket: B, Key, UploadId }), ...gone);
    await expectAwsError(s3('ListParts', { Bucket: B, Key, UploadId }), ...gone);
    await expectAwsError(s3('CompleteMultipartUpload', { Bucket: B, Key, UploadId, MultipartUpload: { Parts: [{ ETag: '"x"', PartNumber: 1 }] } }), ...gone);
  });

  it('an upload id only works with its own key', async () => {
    const { s3, UploadId } = await started();
    await expectAwsError(
      s3('UploadPart', { Bucket: B, Key: 'other', UploadId, PartNumber: 1, Body: Buffer.from('x') }),
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId },
    );
  });
});

describe('multipart errors', () => {
  it('part numbers must be 1..10000', async () => {
    const { s3, UploadId, Key } = await started();
    for (const n of [0, 10001]) {
      await expectAwsError(
        s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: n, Body: Buffer.from('x') }),
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000, inclusive',
        400,
        { ArgumentName: 'partNumber', ArgumentValue: String(n) },
      );
    }
  });

  it('Complete: order, missing part, wrong ETag, small parts, empty list', async () => {
    const { s3, count, UploadId, Key } = await started();
    const a = await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 1, Body: Buffer.from('small') });
    const b = await s3('UploadPart', { Bucket: B, Key, UploadId, PartNumber: 2, Body: Buffer.from('last') });
    const complete = (Parts: unknown[]) => s3('CompleteMultipartUpload', { Bucket: B, Key, UploadId, MultipartUpload: { Parts } });
    await expectAwsError(
      complete([{ ETag: b.ETag, PartNumber: 2 }, { ETag: a.ETag, PartNumber: 1 }]),
      'InvalidPartOrder',
      'The list of parts was not in ascending order. Parts must be ordered by part number.',
      400,
      { UploadId },
    );
    const invalidPart =
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.";
    await expectAwsError(complete([{ ETag: a.ETag, PartNumber: 1 }, { ETag: b.ETag, PartNumber: 3 }]), 'InvalidPart', invalidPart, 400, {
      UploadId,
      PartNumber: '3',
      ETag: b.ETag as string,
    });
    await expectAwsError(complete([{ ETag: '"00000000000000000000000000000000"', PartNumber: 1 }]), 'InvalidPart', invalidPart, 400);
    await expectAwsError(
      complete([{ ETag: a.ETag, PartNumber: 1 }, { ETag: b.ETag, PartNumber: 2 }]),
      'EntityTooSmall',
      'Your proposed upload is smaller than the minimum allowed size',
      400,
      { UploadId, ProposedSize: '5', MinSizeAllowed: '5242880', PartNumber: '1', ETag: a.ETag as string },
    );
    await expectAwsError(complete([]), 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
    // A single small part is fine: only parts before the last must be 5 MiB. ETags may come unquoted.
    const done = await complete([{ ETag: (b.ETag as string).replace(/"/g, ''), PartNumber: 2 }]);
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-1"$/);
    expect([count('s3_uploads'), count('s3_blobs')]).toEqual([0, 1]);
  });
});
