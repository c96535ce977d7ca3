import { describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectAclCommand,
  PutObjectAclCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { HTTP_STATUS } from '../../../src-main/engine/protocol/types';
import { bodyString, capturingHandler, credentials, testGateway, type Recorded } from './helpers';

function s3(answer?: (r: Recorded) => Record<string, unknown>, opts: { forcePathStyle?: boolean; endpoint?: string } = {}) {
  const { gateway, calls } = testGateway(answer);
  const cap = capturingHandler((req) => gateway.handle(req));
  const client = new S3Client({
    region: 'eu-west-1',
    endpoint: opts.endpoint ?? 'http://127.0.0.1:4566',
    forcePathStyle: opts.forcePathStyle ?? true,
    credentials,
    requestHandler: cap.handler,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { client, calls, seen: cap.seen };
}

describe('rest-xml (S3) requests', () => {
  it('parses CreateBucket with its configuration payload', async () => {
    const { client, calls } = s3(() => ({ Location: '/my.dotted.bucket' }));
    const out = await client.send(new CreateBucketCommand({ Bucket: 'my.dotted.bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' }, ACL: 'private' }));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.operation).toBe('CreateBucket');
    expect(calls[0]!.region).toBe('eu-west-1');
    expect(calls[0]!.input).toEqual({ Bucket: 'my.dotted.bucket', ACL: 'private', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } });
    expect(out.Location).toBe('/my.dotted.bucket');
    expect(calls[0]!.requestId).toMatch(/^[0-9A-F]{16}$/);
  });

  it('parses PutObject headers, user metadata and the body; keys keep slashes, spaces and pluses', async () => {
    const { client, calls } = s3(() => ({ ETag: '"abc"', VersionId: 'v1' }));
    const out = await client.send(
      new PutObjectCommand({ Bucket: 'b1', Key: 'dir/a b+c/ü.txt', Body: 'hello', ContentType: 'text/plain', Metadata: { Colour: 'Blue' }, StorageClass: 'STANDARD_IA' }),
    );
    const input = calls[0]!.input;
    expect(calls[0]!.operation).toBe('PutObject');
    expect(input.Bucket).toBe('b1');
    expect(input.Key).toBe('dir/a b+c/ü.txt');
    expect(input.ContentType).toBe('text/plain');
    expect(input.ContentLength).toBe(5);
    expect(input.StorageClass).toBe('STANDARD_IA');
    expect(Object.getPrototypeOf(input.Metadata)).toBe(null);
    expect({ ...(input.Metadata as object) }).toEqual({ colour: 'Blue' });
    expect(String(input.Body)).toBe('hello');
    expect(out.ETag).toBe('"abc"');
    expect(out.VersionId).toBe('v1');
  });

  it('routes ListObjects vs ListObjectsV2 and round-trips the listing', async () => {
    const when = new Date('2024-05-01T10:20:30.000Z');
    const { client, calls } = s3((r) =>
      r.operation === 'ListObjectsV2'
        ? { Name: 'b1', Prefix: 'p/', KeyCount: 1, MaxKeys: 1000, IsTruncated: false, Contents: [{ Key: 'p/<x>&y', LastModified: when, ETag: '"e"', Size: 12, StorageClass: 'STANDARD' }] }
        : { Name: 'b1', Marker: '', IsTruncated: false, Contents: [] },
    );
    const v2 = await client.send(new ListObjectsV2Command({ Bucket: 'b1', Prefix: 'p/', MaxKeys: 1000 }));
    await client.send(new ListObjectsCommand({ Bucket: 'b1' }));
    expect(calls.map((c) => c.operation)).toEqual(['ListObjectsV2', 'ListObjects']);
    expect(calls[0]!.input).toEqual({ Bucket: 'b1', Prefix: 'p/', MaxKeys: 1000 });
    expect(v2.KeyCount).toBe(1);
    expect(v2.IsTruncated).toBe(false);
    expect(v2.Contents).toEqual([{ Key: 'p/<x>&y', LastModified: when, ETag: '"e"', Size: 12, StorageClass: 'STANDARD' }]);
  });

  it('routes the multipart and copy operations that share /{Bucket}/{Key+}', async () => {
    const { client, calls } = s3((r) => (r.operation === 'CopyObject' ? { CopyObjectResult: { ETag: '"c"' } } : {}));
    await client.send(new UploadPartCommand({ Bucket: 'b', Key: 'k', UploadId: 'u1', PartNumber: 2, Body: 'x' }));
    const copied = await client.send(new CopyObjectCommand({ Bucket: 'b', Key: 'k2', CopySource: 'b/k' }));
    expect(copied.CopyObjectResult).toEqual({ ETag: '"c"' });
    await client.send(new ListPartsCommand({ Bucket: 'b', Key: 'k', UploadId: 'u1' }));
    await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: 'b', Key: 'k', UploadId: 'u1', MultipartUpload: { Parts: [{ ETag: '"1"', PartNumber: 1 }, { ETag: '"2"', PartNumber: 2 }] } }),
    );
    expect(calls.map((c) => c.operation)).toEqual(['UploadPart', 'CopyObject', 'ListParts', 'GetObject', 'CompleteMultipartUpload']);
    expect(calls[0]!.input).toMatchObject({ Bucket: 'b', Key: 'k', UploadId: 'u1', PartNumber: 2 });
    expect(calls[1]!.input).toMatchObject({ Bucket: 'b', Key: 'k2', CopySource: 'b/k' });
    expect(calls[4]!.input.MultipartUpload).toEqual({ Parts: [{ ETag: '"1"', PartNumber: 1 }, { ETag: '"2"', PartNumber: 2 }] });
  });

  it('rewrites virtual-hosted requests (BUCKET.localhost:4566) to path style', async () => {
    const { client, calls, seen } = s3(() => ({ LocationConstraint: 'eu-west-1' }), { forcePathStyle: false, endpoint: 'http://localhost:4566' });
    const loc = await client.send(new GetBucketLocationCommand({ Bucket: 'vhost-bucket' }));
    await client.send(new HeadObjectCommand({ Bucket: 'vhost-bucket', Key: 'folder/' }));
    expect(seen[0]!.headers.host).toBe('vhost-bucket.localhost:4566');
    expect(calls.map((c) => [c.operation, c.input.Bucket, c.input.Key])).toEqual([
      ['GetBucketLocation', 'vhost-bucket', undefined],
      ['HeadObject', 'vhost-bucket', 'folder/'],
    ]);
    expect(loc.LocationConstraint).toBe('eu-west-1');
  });

  it('parses DeleteObjects and serializes its result', async () => {
    const { client, calls } = s3(() => ({ Deleted: [{ Key: 'a' }], Errors: [{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }] }));
    const out = await client.send(new DeleteObjectsCommand({ Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: false } }));
    expect(calls[0]!.input).toEqual({ Bucket: 'b', ChecksumAlgorithm: 'CRC32', Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }], Quiet: false } });
    expect(out.Deleted).toEqual([{ Key: 'a' }]);
    expect(out.Errors).toEqual([{ Key: 'b', Code: 'AccessDenied', Message: 'Access Denied' }]);
  });
});

describe('rest-xml (S3) responses', () => {
  it('passes a streamed GetObject body through with headers, metadata and a 206 status', async () => {
    const modified = new Date('2024-01-02T03:04:05.000Z');
    async function* chunks() {
      yield Buffer.from('hel');
      yield Buffer.from('lo');
    }
    const { client } = s3(() => ({
      Body: chunks(),
      ContentLength: 5,
      ContentType: 'text/plain',
      ContentRange: 'bytes 0-4/10',
      LastModified: modified,
      ETag: '"etag"',
      Metadata: { colour: 'blue' },
      [HTTP_STATUS]: 206,
    }));
    const out = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', Range: 'bytes=0-4' }));
    expect(out.$metadata.httpStatusCode).toBe(206);
    expect(await out.Body!.transformToString()).toBe('hello');
    expect(out.ContentLength).toBe(5);
    expect(out.ContentRange).toBe('bytes 0-4/10');
    expect(out.LastModified).toEqual(modified);
    expect(out.Metadata).toEqual({ colour: 'blue' });
    expect(out.ETag).toBe('"etag"');
  });

  it('answers S3 errors as <Error> with extra members, request id and host id', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { extra: { BucketName: 'nope' } });
    });
    const { client } = s3();
    void client;
    const res = await gateway.handle({ method: 'GET', path: '/nope', rawQuery: 'list-type=2', headers: { host: '127.0.0.1:4566' }, body: Buffer.alloc(0) });
    expect(res.status).toBe(404);
    const id = res.headers['x-amz-request-id']!;
    expect(id).toMatch(/^[0-9A-F]{16}$/);
    expect(bodyString(res)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>nope</BucketName><RequestId>${id}</RequestId><HostId>${res.headers['x-amz-id-2']}</HostId></Error>`,
    );
  });

  it('gives SDK v3 the error code, message and status', async () => {
    const { client } = s3(() => {
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { extra: { Key: 'k' } });
    });
    const err = (await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e)) as { name: string; message: string; $metadata: { httpStatusCode: number; requestId: string } };
    expect(err.name).toBe('NoSuchKey');
    expect(err.message).toBe('The specified key does not exist.');
    expect(err.$metadata.httpStatusCode).toBe(404);
    expect(err.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
  });

  it('sends no body for a failed HEAD', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('NotFound', 'Not Found', 404);
    });
    const res = await gateway.handle({ method: 'HEAD', path: '/b/k', rawQuery: '', headers: { host: 'localhost:4566' }, body: Buffer.alloc(0) });
    expect(res.status).toBe(404);
    expect(res.body).toBeUndefined();
  });

  it('answers MalformedXML for a body that is not XML', async () => {
    const { gateway, calls } = testGateway();
    const res = await gateway.handle({ method: 'POST', path: '/b', rawQuery: 'delete', headers: { host: 'localhost:4566' }, body: Buffer.from('<Delete><Object>') });
    expect(calls).toHaveLength(0);
    expect(res.status).toBe(400);
    expect(bodyString(res)).toContain('<Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not validate against our published schema</Message>');
  });

  it('answers MethodNotAllowed for a method no operation has on that path', async () => {
    const { gateway } = testGateway();
    const res = await gateway.handle({ method: 'PATCH', path: '/b/k', rawQuery: '', headers: { host: 'localhost:4566' }, body: Buffer.alloc(0) });
    expect(res.status).toBe(405);
    expect(bodyString(res)).toContain('<Code>MethodNotAllowed</Code><Message>The specified method is not allowed against this resource.</Message><Method>PATCH</Method><ResourceType>OBJECT</ResourceType>');
  });
});

describe('rest-xml (S3) aws-chunked uploads', () => {
  it('reports the decoded length and drops the aws-chunked coding', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    await gateway.handle({
      method: 'PUT',
      path: '/b/k',
      rawQuery: '',
      headers: {
        host: 'localhost:4566',
        'content-length': '180',
        'x-amz-decoded-content-length': '5',
        'content-encoding': 'aws-chunked,gzip',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      },
      body: Buffer.from('hello'),
    });
    expect(calls[0]!.input).toMatchObject({ Bucket: 'b', Key: 'k', ContentLength: 5, ContentEncoding: 'gzip' });
  });
});

describe('rest-xml (S3) XML attributes', () => {
  it('round-trips ACL grants with their xsi:type attribute', async () => {
    const grants = [
      { Grantee: { Type: 'CanonicalUser' as const, ID: 'owner-id', DisplayName: 'me' }, Permission: 'FULL_CONTROL' as const },
      { Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' as const },
    ];
    const { client, calls } = s3(() => ({ Owner: { ID: 'owner-id', DisplayName: 'me' }, Grants: grants }));
    const out = await client.send(new GetObjectAclCommand({ Bucket: 'b', Key: 'k' }));
    expect(out.Grants).toEqual(grants);
    expect(out.Owner).toEqual({ ID: 'owner-id', DisplayName: 'me' });
    await client.send(new PutObjectAclCommand({ Bucket: 'b', Key: 'k', AccessControlPolicy: { Owner: { ID: 'owner-id' }, Grants: grants } }));
    expect(calls[1]!.operation).toBe('PutObjectAcl');
    expect(calls[1]!.input.AccessControlPolicy).toEqual({ Owner: { ID: 'owner-id' }, Grants: grants });
  });
});
