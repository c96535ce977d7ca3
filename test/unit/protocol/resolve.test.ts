import { describe, expect, it } from 'vitest';
import { restRouter } from '../../../src-main/engine/protocol/resolve';
import { s3PathStylePath, virtualHostBucket } from '../../../src-main/engine/protocol/s3-addressing';
import { model, testGateway } from './helpers';

/** Operations that share method, path and query with a newer one; S3 answers with the newer. */
const SUPERSEDED: Record<string, string> = {
  GetBucketLifecycle: 'GetBucketLifecycleConfiguration',
  PutBucketLifecycle: 'PutBucketLifecycleConfiguration',
  GetBucketNotification: 'GetBucketNotificationConfiguration',
  PutBucketNotification: 'PutBucketNotificationConfiguration',
  ListDirectoryBuckets: 'ListBuckets',
};

describe('rest router', () => {
  it('routes every S3 operation from its own template, required query keys and headers', () => {
    const s3 = model('s3');
    const router = restRouter(s3);
    const wrong: string[] = [];
    for (const op of Object.values(s3.operations)) {
      const uri = op.http?.requestUri ?? '/';
      const [pathTemplate, queryTemplate] = uri.split('?') as [string, string | undefined];
      const path = pathTemplate.replace('{Bucket}', 'my.bucket').replace('{Key+}', 'a/b c.txt');
      const query = new URLSearchParams(queryTemplate?.replace(/\{[^}]+\}/g, 'x') ?? '');
      const headers: Record<string, string> = {};
      for (const name of op.input?.required ?? []) {
        const m = op.input!.members![name]!;
        if (m.location === 'querystring') query.set(m.locationName ?? name, '1');
        if (m.location === 'header') headers[(m.locationName ?? name).toLowerCase()] = 'v';
      }
      const hit = router.match((op.http?.method ?? 'POST').toUpperCase(), path, query, headers);
      const expected = SUPERSEDED[op.name] ?? op.name;
      if (hit?.operation.name !== expected) wrong.push(`${op.name} → ${hit?.operation.name}`);
    }
    expect(wrong).toEqual([]);
  });

  it('binds labels raw (decoded later) and keeps trailing slashes in keys', () => {
    const router = restRouter(model('s3'));
    const hit = router.match('PUT', '/b/dir/sub/', new URLSearchParams(''), {});
    expect(hit?.operation.name).toBe('PutObject');
    expect({ ...hit?.labels }).toEqual({ Bucket: 'b', Key: 'dir/sub/' });
    expect(router.match('GET', '/b/', new URLSearchParams('list-type=2&prefix=x'), {})?.operation.name).toBe('ListObjectsV2');
    expect(router.match('GET', '/', new URLSearchParams(''), {})?.operation.name).toBe('ListBuckets');
    expect(router.match('GET', '/b', new URLSearchParams('x-id=GetObject'), {})?.operation.name).toBe('ListObjects');
  });

  it('routes Lambda paths with literal segments', () => {
    const router = restRouter(model('lambda'));
    expect(router.match('POST', '/2015-03-31/functions/fn/invocations', new URLSearchParams(''), {})?.operation.name).toBe('Invoke');
    expect(router.match('GET', '/2015-03-31/functions/', new URLSearchParams(''), {})?.operation.name).toBe('ListFunctions');
    expect(router.match('GET', '/2015-03-31/functions/fn', new URLSearchParams(''), {})?.operation.name).toBe('GetFunction');
    expect(router.match('GET', '/2015-03-31/functions/fn/configuration', new URLSearchParams(''), {})?.operation.name).toBe('GetFunctionConfiguration');
  });
});

describe('S3 addressing', () => {
  it('treats bucket-prefixed hosts as virtual-hosted', () => {
    expect(virtualHostBucket('my-bucket.s3.amazonaws.com')).toBe('my-bucket');
    expect(virtualHostBucket('my-bucket.s3.eu-west-1.amazonaws.com')).toBe('my-bucket');
    expect(virtualHostBucket('my-bucket.s3-eu-west-1.amazonaws.com')).toBe('my-bucket');
    expect(virtualHostBucket('my-bucket.localhost:4566')).toBe('my-bucket');
    expect(virtualHostBucket('my-bucket.localhost')).toBe('my-bucket');
    expect(virtualHostBucket('my-bucket.127.0.0.1.nip.io:4566')).toBe('my-bucket');
  });

  it('treats the endpoint itself as path style', () => {
    for (const host of ['localhost:4566', '127.0.0.1:4566', 's3.amazonaws.com', 's3.eu-west-1.amazonaws.com', '127.0.0.1.nip.io:4566', undefined]) {
      expect(virtualHostBucket(host)).toBeUndefined();
    }
    expect(s3PathStylePath('localhost:4566', '/my.bucket/k')).toBe('/my.bucket/k');
  });

  it('rewrites virtual-hosted paths', () => {
    expect(s3PathStylePath('b.localhost:4566', '/')).toBe('/b');
    expect(s3PathStylePath('b.s3.amazonaws.com', '/dir/key.txt')).toBe('/b/dir/key.txt');
  });
});

describe('gateway service resolution', () => {
  it('sends unsigned path-style requests to S3 (anonymous access)', async () => {
    const { gateway, calls } = testGateway(() => ({ Body: Buffer.from('public') }));
    const res = await gateway.handle({ method: 'GET', path: '/pub/index.html', rawQuery: '', headers: { host: 'localhost:4566' }, body: Buffer.alloc(0) });
    expect(calls.map((c) => [c.service, c.operation, c.input])).toEqual([['s3', 'GetObject', { Bucket: 'pub', Key: 'index.html' }]]);
    expect(res.status).toBe(200);
    expect(String(res.body)).toBe('public');
    expect(res.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
  });

  it('answers MissingAuthenticationToken in JSON for an unsigned X-Amz-Target request', async () => {
    const { gateway } = testGateway();
    const res = await gateway.handle({ method: 'POST', path: '/', rawQuery: '', headers: { host: 'localhost:4566', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: Buffer.from('{}') });
    expect(res.status).toBe(403);
    expect(JSON.parse(String(res.body))).toEqual({ __type: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' });
  });
});

describe('gateway edge cases', () => {
  const signed = (service: string) =>
    `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

  it('answers NotImplemented for a service the lab does not simulate', async () => {
    const { gateway } = testGateway();
    const res = await gateway.handle({
      method: 'POST',
      path: '/',
      rawQuery: '',
      headers: { host: 'localhost:4566', authorization: signed('kinesis'), 'x-amz-target': 'Kinesis_20131202.ListStreams' },
      body: Buffer.from('{}'),
    });
    expect(res.status).toBe(501);
    expect(JSON.parse(String(res.body))).toEqual({ __type: 'NotImplemented', message: "The service 'kinesis' is not simulated in Nimbus Lab." });
  });

  it('asks for a streamed body only for streaming payloads and passes the stream through', async () => {
    const { Readable } = await import('node:stream');
    const seen: [string, boolean][] = [];
    const inputs: Record<string, unknown>[] = [];
    const { createGateway } = await import('../../../src-main/engine/protocol/gateway');
    const gateway = createGateway({
      model,
      listServices: () => ['s3'],
      call: async (_p, _s, _o, input) => (inputs.push(input), {}),
      authenticate: async (req, opts) => {
        seen.push([req.method, opts.streamingBody]);
        return { principal: { type: 'root', accountId: '1', arn: 'arn:aws:iam::1:root', userId: '1' }, region: 'us-east-1', body: opts.streamingBody ? Readable.from([Buffer.from('data')]) : Buffer.alloc(0) };
      },
    });
    await gateway.handle({ method: 'PUT', path: '/b/k', rawQuery: '', headers: { host: 'localhost:4566', authorization: signed('s3') }, body: Buffer.alloc(0) });
    await gateway.handle({ method: 'GET', path: '/b/k', rawQuery: '', headers: { host: 'localhost:4566', authorization: signed('s3') }, body: Buffer.alloc(0) });
    expect(seen).toEqual([
      ['PUT', true],
      ['GET', false],
    ]);
    expect(inputs[0]!.Body).toBeInstanceOf(Readable);
  });

  it('answers SerializationException for a malformed rest-json body', async () => {
    const { gateway, calls } = testGateway();
    const res = await gateway.handle({
      method: 'POST',
      path: '/2015-03-31/functions',
      rawQuery: '',
      headers: { host: 'localhost:4566', authorization: signed('lambda'), 'content-type': 'application/json' },
      body: Buffer.from('{"FunctionName":'),
    });
    expect(calls).toHaveLength(0);
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('SerializationException');
  });
});
