import { describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { createAuthenticator, readSigningInfo } from '../../../src-main/engine/protocol/sigv4';
import type { HttpRequest } from '../../../src-main/engine/protocol/types';
import {
  AKID,
  PRINCIPAL,
  SECRET,
  lookup,
  signer,
  smithyRequest,
  toHttpRequest,
  sha256Hex,
  drain,
  dribble,
} from './sigv4-helpers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const auth = createAuthenticator({ lookup, now: () => NOW });
const signingDate = new Date(NOW);

async function expectAwsError(p: Promise<unknown>, code: string, message: string, status: number) {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code?: string; message?: string; status?: number } | undefined;
  expect(err, 'expected the call to fail').toBeDefined();
  expect({ code: err!.code, message: err!.message, status: err!.status }).toEqual({ code, message, status });
  return err as { extra?: Record<string, string> };
}

const stsBody = 'Action=GetCallerIdentity&Version=2011-06-15';

async function signedSts(opts: { secret?: string } = {}) {
  const req = smithyRequest({
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: stsBody,
  });
  return toHttpRequest((await signer('sts', opts).sign(req as never, { signingDate })) as never);
}

describe('header-signed requests', () => {
  it('verifies a smithy-signed STS query request and buffers its body', async () => {
    const res = await auth(await signedSts(), { service: 'sts', streamingBody: false });
    expect(res.principal).toEqual(PRINCIPAL);
    expect(res.region).toBe('us-east-1');
    expect((res.body as Buffer).toString()).toBe(stsBody);
  });

  it('double-encodes and normalizes non-S3 paths like the SDKs', async () => {
    const req = smithyRequest({ method: 'GET', path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Afn/./configuration' });
    const signed = toHttpRequest((await signer('lambda').sign(req as never, { signingDate })) as never);
    const res = await auth(signed, { service: 'lambda', streamingBody: false });
    expect(res.principal.arn).toBe(PRINCIPAL.arn);
  });

  it('verifies an S3 request with a raw (single-encoded) path and a query', async () => {
    const req = smithyRequest({
      path: '/my-bucket/a%20b/c%2Bd~%21',
      query: { 'list-type': '2', prefix: 'a b+c', uploads: '' },
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-meta-note': '  two   spaces ' },
    });
    const signed = toHttpRequest((await signer('s3').sign(req as never, { signingDate })) as never);
    const res = await auth(signed, { service: 's3', streamingBody: true });
    expect(res.principal).toEqual(PRINCIPAL);
  });

  it('verifies requests signed by aws-sdk v2 (S3 and SQS)', async () => {
    for (const service of ['s3', 'sqs']) {
      const r = new AWS.HttpRequest(new AWS.Endpoint('http://127.0.0.1:4566'), 'eu-west-1');
      r.method = 'PUT';
      r.path =
        service === 's3'
          ? '/bucket/some%20key.txt?tagging='
          : '/123456789012/q?Action=SendMessage&MessageBody=hi%20there';
      r.headers.Host = '127.0.0.1:4566';
      r.body = 'payload';
      if (service === 's3') r.headers['X-Amz-Content-Sha256'] = sha256Hex('payload');
      const { V4 } = (
        AWS as unknown as {
          Signers: { V4: new (r: unknown, s: string) => { addAuthorization(c: unknown, d: Date): void } };
        }
      ).Signers;
      const v4 = new V4(r, service);
      v4.addAuthorization(new AWS.Credentials(AKID, SECRET), signingDate);
      const [path, query = ''] = r.path.split('?');
      const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const req: HttpRequest = { method: 'PUT', path: path!, rawQuery: query, headers, body: Buffer.from('payload') };
      const res = await auth(req, { service, streamingBody: false });
      expect(res.region).toBe('eu-west-1');
      expect((res.body as Buffer).toString()).toBe('payload');
    }
  });

  it('refuses a tampered header, body or secret with the service-specific wording', async () => {
    const nonS3 =
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
    const tamperedBody = await signedSts();
    tamperedBody.body = Buffer.from(stsBody.replace('GetCallerIdentity', 'GetSessionToken'));
    await expectAwsError(
      auth(tamperedBody, { service: 'sts', streamingBody: false }),
      'SignatureDoesNotMatch',
      nonS3,
      403,
    );
    await expectAwsError(
      auth(await signedSts({ secret: 'wrong' }), { service: 'sts', streamingBody: false }),
      'SignatureDoesNotMatch',
      nonS3,
      403,
    );

    const req = smithyRequest({
      path: '/b/k',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1' },
    });
    const signed = toHttpRequest((await signer('s3').sign(req as never, { signingDate })) as never);
    signed.headers.range = 'bytes=0-2';
    const err = await expectAwsError(
      auth(signed, { service: 's3', streamingBody: true }),
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
    );
    expect(err.extra!.AWSAccessKeyId).toBe(AKID);
  });

  it('names an unknown access key per service', async () => {
    const authNoKeys = createAuthenticator({ lookup: () => undefined, now: () => NOW });
    await expectAwsError(
      authNoKeys(await signedSts(), { service: 'sts', streamingBody: false }),
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      403,
    );
    const req = smithyRequest({ path: '/b', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    const signed = toHttpRequest((await signer('s3').sign(req as never, { signingDate })) as never);
    const err = await expectAwsError(
      authNoKeys(signed, { service: 's3', streamingBody: true }),
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      403,
    );
    expect(err.extra).toEqual({ AWSAccessKeyId: AKID });
  });

  it('answers a missing signature per service', async () => {
    const bare: HttpRequest = { method: 'GET', path: '/', rawQuery: '', headers: { host: 'x' }, body: Buffer.alloc(0) };
    await expectAwsError(
      auth(bare, { service: 'sqs', streamingBody: false }),
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      403,
    );
    await expectAwsError(auth(bare, { service: 's3', streamingBody: true }), 'AccessDenied', 'Access Denied', 403);
  });

  it('refuses a request signed more than 15 minutes away from real time', async () => {
    const later = createAuthenticator({ lookup, now: () => NOW + 16 * 60_000 });
    await expectAwsError(
      later(await signedSts(), { service: 'sts', streamingBody: false }),
      'SignatureDoesNotMatch',
      'Signature expired: 20261126T120000Z is now earlier than 20261126T120100Z (20261126T121600Z - 15 min.)',
      403,
    );
    const req = smithyRequest({ path: '/b', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    const signed = toHttpRequest((await signer('s3').sign(req as never, { signingDate })) as never);
    const err = await expectAwsError(
      later(signed, { service: 's3', streamingBody: true }),
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      403,
    );
    expect(err.extra!.MaxAllowedSkewMilliseconds).toBe('900000');
  });

  it('requires x-amz-content-sha256 on S3 and checks its form', async () => {
    const req = smithyRequest({ path: '/b' });
    const signed = toHttpRequest((await signer('s3').sign(req as never, { signingDate })) as never);
    delete signed.headers['x-amz-content-sha256'];
    await expectAwsError(
      auth(signed, { service: 's3', streamingBody: true }),
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
      400,
    );
    signed.headers['x-amz-content-sha256'] = 'nope';
    const err = await expectAwsError(
      auth(signed, { service: 's3', streamingBody: true }),
      'InvalidArgument',
      expect.stringContaining('x-amz-content-sha256 must be UNSIGNED-PAYLOAD') as never,
      400,
    );
    expect(err.extra!.ArgumentName).toBe('x-amz-content-sha256');
  });

  it('refuses a buffered body over 20 MiB with 413', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 97);
    const req = smithyRequest({ method: 'POST', path: '/', body: big as never });
    const signed = toHttpRequest(
      (await signer('sqs').sign(req as never, { signingDate })) as never,
      dribble(big, 65536),
    );
    await expectAwsError(
      auth(signed, { service: 'sqs', streamingBody: false }),
      'RequestEntityTooLarge',
      'Request body exceeds the 20971520 bytes this endpoint accepts.',
      413,
    );
  });
});

describe('presigned URLs', () => {
  async function presigned(expiresIn = 60, service = 's3') {
    const req = smithyRequest({
      path: '/bucket/photo%20one.jpg',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    return toHttpRequest((await signer(service).presign(req as never, { signingDate, expiresIn })) as never);
  }

  it('verifies a smithy presigned S3 GET', async () => {
    const req = await presigned();
    expect(req.rawQuery).toContain('X-Amz-Signature=');
    const res = await auth(req, { service: 's3', streamingBody: true });
    expect(res.principal).toEqual(PRINCIPAL);
    expect(readSigningInfo(req)).toEqual({
      accessKeyId: AKID,
      region: 'us-east-1',
      service: 's3',
      date: '20261126',
      presigned: true,
    });
  });

  it('verifies an aws-sdk v2 getSignedUrl URL', async () => {
    const s3 = new AWS.S3({
      endpoint: 'http://127.0.0.1:4566',
      s3ForcePathStyle: true,
      signatureVersion: 'v4',
      region: 'us-east-1',
      credentials: new AWS.Credentials(AKID, SECRET),
    });
    // v2 signs with the wall clock; give the authenticator the same.
    const url = new URL(s3.getSignedUrl('getObject', { Bucket: 'bucket', Key: 'dir/a b.txt', Expires: 300 }));
    const req: HttpRequest = {
      method: 'GET',
      path: url.pathname,
      rawQuery: url.search.slice(1),
      headers: { host: url.host },
      body: Buffer.alloc(0),
    };
    const res = await createAuthenticator({ lookup })(req, { service: 's3', streamingBody: true });
    expect(res.principal.accessKeyId).toBe(AKID);
  });

  it('refuses an expired presigned URL', async () => {
    const late = createAuthenticator({ lookup, now: () => NOW + 61_000 });
    const err = await expectAwsError(
      late(await presigned(60), { service: 's3', streamingBody: true }),
      'AccessDenied',
      'Request has expired',
      403,
    );
    expect(err.extra).toEqual({
      'X-Amz-Expires': '60',
      Expires: '2026-11-26T12:01:00.000Z',
      ServerTime: '2026-11-26T12:01:01.000Z',
    });
  });

  it('refuses a tampered presigned path', async () => {
    const req = await presigned();
    req.path = '/bucket/other.jpg';
    await expectAwsError(
      auth(req, { service: 's3', streamingBody: true }),
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
    );
  });
});

describe('readSigningInfo', () => {
  it('reads the credential scope of a header-signed request', async () => {
    expect(readSigningInfo(await signedSts())).toEqual({
      accessKeyId: AKID,
      region: 'us-east-1',
      service: 'sts',
      date: '20261126',
      presigned: false,
    });
  });

  it('returns undefined for an unsigned request and throws on a malformed header', () => {
    const base: HttpRequest = { method: 'GET', path: '/', rawQuery: 'a=b', headers: {}, body: Buffer.alloc(0) };
    expect(readSigningInfo(base)).toBeUndefined();
    const bad = { ...base, headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1' } };
    expect(() => readSigningInfo(bad)).toThrow(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1",
    );
  });
});

it('drain helper reads buffers', async () => {
  expect((await drain(Buffer.from('x'))).toString()).toBe('x');
});
