import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createAuthenticator } from '../../../src-main/engine/protocol/sigv4';
import { createChecksum } from '../../../src-main/engine/protocol/sigv4-checksums';
import type { AwsChunkedDecoder } from '../../../src-main/engine/protocol/chunked';
import type { HttpRequest } from '../../../src-main/engine/protocol/types';
import {
  AKID,
  SECRET,
  dribble,
  drain,
  lookup,
  sha256Hex,
  signedChunkedBody,
  signer,
  smithyRequest,
  toHttpRequest,
} from './sigv4-helpers';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const AMZ_DATE = '20261126T120000Z';
const auth = createAuthenticator({ lookup, now: () => NOW });
const signingDate = new Date(NOW);
const S3_SIG_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

async function failure(p: Promise<unknown>) {
  const e = (await p.then(
    () => undefined,
    (x: unknown) => x,
  )) as { code: string; message: string; status: number } | undefined;
  expect(e, 'expected a failure').toBeDefined();
  return { code: e!.code, message: e!.message, status: e!.status };
}

/** A PUT signed with a streaming payload mode; `body` is the encoded wire body. */
async function streamingPut(
  mode: string,
  headers: Record<string, string>,
  body: (seed: string) => Buffer,
): Promise<HttpRequest> {
  const req = smithyRequest({
    method: 'PUT',
    path: '/bucket/key',
    headers: { 'x-amz-content-sha256': mode, 'content-encoding': 'aws-chunked', ...headers },
  });
  const signed = (await signer('s3').sign(req as never, { signingDate })) as unknown as {
    headers: Record<string, string>;
  };
  const seed = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization!)![1]!;
  return toHttpRequest(signed as never, dribble(body(seed)));
}

const data = [Buffer.alloc(65536, 'a'), Buffer.from('tail bytes')];
const whole = Buffer.concat(data);

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', () => {
  const headers = { 'x-amz-decoded-content-length': String(whole.length) };

  it('decodes signed chunks cut at arbitrary places', async () => {
    const req = await streamingPut('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers, (seed) =>
      signedChunkedBody({ chunks: data, seed, amzDate: AMZ_DATE }),
    );
    const res = await auth(req, { service: 's3', streamingBody: true });
    expect((await drain(res.body)).equals(whole)).toBe(true);
  });

  it('buffers the decoded payload when the operation does not stream', async () => {
    const req = await streamingPut('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers, (seed) =>
      signedChunkedBody({ chunks: data, seed, amzDate: AMZ_DATE }),
    );
    const res = await auth(req, { service: 's3', streamingBody: false });
    expect(Buffer.isBuffer(res.body) && res.body.equals(whole)).toBe(true);
  });

  it('errors the stream when a chunk was tampered with', async () => {
    const req = await streamingPut('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers, (seed) =>
      signedChunkedBody({
        chunks: data,
        seed,
        amzDate: AMZ_DATE,
        tamper: (i, c) => (i === 1 ? Buffer.from('TAIL bytes') : c),
      }),
    );
    const res = await auth(req, { service: 's3', streamingBody: true });
    expect(await failure(drain(res.body))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: S3_SIG_MESSAGE,
      status: 403,
    });
  });

  it('checks x-amz-decoded-content-length and truncated bodies', async () => {
    const wrongLength = await streamingPut(
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      { 'x-amz-decoded-content-length': '5' },
      (seed) => signedChunkedBody({ chunks: data, seed, amzDate: AMZ_DATE }),
    );
    const res = await auth(wrongLength, { service: 's3', streamingBody: true });
    expect(await failure(drain(res.body))).toEqual({
      code: 'IncompleteBody',
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header.',
      status: 400,
    });
    const cut = await streamingPut('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', headers, (seed) =>
      signedChunkedBody({ chunks: data, seed, amzDate: AMZ_DATE }).subarray(0, 1000),
    );
    const res2 = await auth(cut, { service: 's3', streamingBody: true });
    expect(await failure(drain(res2.body))).toEqual({
      code: 'IncompleteBody',
      message: 'The request body terminated unexpectedly',
      status: 400,
    });
  });
});

describe('signed trailer with checksum', () => {
  const crc = (alg: 'crc32' | 'crc32c'): string => {
    const c = createChecksum(alg);
    c.update(whole);
    return c.digest();
  };
  const put = (value: string) =>
    streamingPut('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', { 'x-amz-trailer': 'x-amz-checksum-crc32c' }, (seed) =>
      signedChunkedBody({ chunks: data, seed, amzDate: AMZ_DATE, trailer: { name: 'x-amz-checksum-crc32c', value } }),
    );

  it('verifies the trailer signature and checksum, and exposes the trailer', async () => {
    const res = await auth(await put(crc('crc32c')), { service: 's3', streamingBody: true });
    expect((await drain(res.body)).equals(whole)).toBe(true);
    expect({ ...(res.body as AwsChunkedDecoder).trailers }).toEqual({ 'x-amz-checksum-crc32c': crc('crc32c') });
  });

  it('answers BadDigest for a wrong checksum and InvalidRequest for a malformed one', async () => {
    const res = await auth(await put('AAAAAA=='), { service: 's3', streamingBody: true });
    expect(await failure(drain(res.body))).toEqual({
      code: 'BadDigest',
      message: 'The CRC32C you specified did not match the calculated checksum.',
      status: 400,
    });
    const res2 = await auth(await put('not base64!'), { service: 's3', streamingBody: true });
    expect(await failure(drain(res2.body))).toEqual({
      code: 'InvalidRequest',
      message: 'Value for x-amz-checksum-crc32c header is invalid.',
      status: 400,
    });
  });
});

describe('what @aws-sdk/client-s3 sends (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', () => {
  async function capture(body: Readable, length: number): Promise<HttpRequest> {
    let captured: HttpRequest | undefined;
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      forcePathStyle: true,
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      requestHandler: {
        handle: async (r: {
          method: string;
          path: string;
          query: Record<string, string>;
          headers: Record<string, string>;
          body: Readable;
        }) => {
          const wire = await drain(r.body);
          captured = toHttpRequest({ ...r, protocol: 'http:', hostname: '127.0.0.1' }, dribble(wire, 1000));
          return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
        },
      } as never,
    });
    await client
      .send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: body, ContentLength: length }))
      .catch(() => undefined);
    return captured!;
  }

  it('decodes the body and checks its CRC32 trailer', async () => {
    const req = await capture(Readable.from(data), whole.length);
    expect(req.headers['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    const res = await createAuthenticator({ lookup })(req, { service: 's3', streamingBody: true });
    expect((await drain(res.body)).equals(whole)).toBe(true);
    const trailer = req.headers['x-amz-trailer']!;
    expect((res.body as AwsChunkedDecoder).trailers[trailer]).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe('plain hex payload hash', () => {
  it('streams the body and fails at its end on a mismatch', async () => {
    const body = Buffer.from('hello');
    const req = smithyRequest({
      method: 'PUT',
      path: '/bucket/k',
      headers: { 'x-amz-content-sha256': sha256Hex(body) },
    });
    const signed = (await signer('s3').sign(req as never, { signingDate })) as never;
    const good = await auth(toHttpRequest(signed, Readable.from([body])), { service: 's3', streamingBody: true });
    expect((await drain(good.body)).toString()).toBe('hello');
    const bad = await auth(toHttpRequest(signed, Readable.from([Buffer.from('HELLO')])), {
      service: 's3',
      streamingBody: true,
    });
    expect(await failure(drain(bad.body))).toEqual({
      code: 'XAmzContentSHA256Mismatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
      status: 400,
    });
  });
});

describe('checksums', () => {
  it('match the standard check values for "123456789"', () => {
    const check = (alg: 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1'): string => {
      const c = createChecksum(alg);
      c.update(Buffer.from('1234'));
      c.update(Buffer.from('56789'));
      return Buffer.from(c.digest(), 'base64').toString('hex');
    };
    expect(check('crc32')).toBe('cbf43926');
    expect(check('crc32c')).toBe('e3069283');
    expect(check('crc64nvme')).toBe('ae8b14860a799888');
    expect(check('sha1')).toBe('f7c3bc1d808e04732adf679965ccc34ca7ae3441');
  });
});
