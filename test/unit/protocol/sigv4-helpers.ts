import { Sha256 } from '../../helpers/sha256';
/** Signing helpers for the SigV4 tests: real SDK signers, and a lookup with one known key. */
import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, Principal } from '../../../src-main/engine/protocol/types';
import type { KeyLookup } from '../../../src-main/engine/protocol/sigv4';

export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const PRINCIPAL: Principal = {
  type: 'root',
  accountId: '123456789012',
  arn: 'arn:aws:iam::123456789012:root',
  userId: '123456789012',
  accessKeyId: AKID,
};

export const lookup: KeyLookup = (id) =>
  id === AKID ? { secretAccessKey: SECRET, principal: PRINCIPAL, status: 'Active' } : undefined;

export { Sha256 };

export const signer = (service: string, opts: { secret?: string; region?: string; sessionToken?: string } = {}) =>
  new SignatureV4({
    service,
    region: opts.region ?? 'us-east-1',
    credentials: { accessKeyId: AKID, secretAccessKey: opts.secret ?? SECRET, sessionToken: opts.sessionToken },
    sha256: Sha256,
    uriEscapePath: service !== 's3',
  });

/** RFC 3986 escape, as the SDKs' query builders do. */
const esc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

export const smithyRequest = (r: Partial<SmithyRequest> & { path: string }): SmithyRequest => ({
  method: 'GET',
  protocol: 'http:',
  hostname: '127.0.0.1',
  port: 4566,
  query: {},
  ...r,
  headers: { host: '127.0.0.1:4566', ...(r.headers ?? {}) },
});

/** What the server would hand the gateway for this (signed) SDK request. */
export function toHttpRequest(r: SmithyRequest, body?: Buffer | Readable): HttpRequest {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(r.query ?? {})) {
    if (v === null) parts.push(esc(k));
    else if (Array.isArray(v)) for (const x of v) parts.push(`${esc(k)}=${esc(x)}`);
    else parts.push(`${esc(k)}=${esc(v)}`);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
  const b = body ?? (r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body as string));
  return { method: r.method, path: r.path, rawQuery: parts.join('&'), headers, body: b };
}

export const sha256Hex = (d: string | Buffer): string => createHash('sha256').update(d).digest('hex');

export function signingKey(date: string, region: string, service: string, secret = SECRET): Buffer {
  let k = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  for (const p of [region, service, 'aws4_request']) k = createHmac('sha256', k).update(p).digest();
  return k;
}

/** Encodes `chunks` in aws-chunked framing with per-chunk signatures, per the S3 streaming spec. */
export function signedChunkedBody(opts: {
  chunks: Buffer[];
  seed: string;
  amzDate: string;
  region?: string;
  trailer?: { name: string; value: string };
  tamper?: (index: number, chunk: Buffer) => Buffer;
}): Buffer {
  const region = opts.region ?? 'us-east-1';
  const date = opts.amzDate.slice(0, 8);
  const scope = `${date}/${region}/s3/aws4_request`;
  const key = signingKey(date, region, 's3');
  const empty = sha256Hex('');
  let prev = opts.seed;
  const out: Buffer[] = [];
  const all = [...opts.chunks, Buffer.alloc(0)];
  all.forEach((chunk, i) => {
    const sts = `AWS4-HMAC-SHA256-PAYLOAD\n${opts.amzDate}\n${scope}\n${prev}\n${empty}\n${sha256Hex(chunk)}`;
    prev = createHmac('sha256', key).update(sts).digest('hex');
    const sent = opts.tamper ? opts.tamper(i, chunk) : chunk;
    out.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${prev}\r\n`), sent);
    if (chunk.length > 0) out.push(Buffer.from('\r\n'));
  });
  if (opts.trailer) {
    const canonical = `${opts.trailer.name}:${opts.trailer.value}\n`;
    const sts = `AWS4-HMAC-SHA256-TRAILER\n${opts.amzDate}\n${scope}\n${prev}\n${sha256Hex(canonical)}`;
    const sig = createHmac('sha256', key).update(sts).digest('hex');
    out.push(Buffer.from(`${opts.trailer.name}:${opts.trailer.value}\r\nx-amz-trailer-signature:${sig}\r\n\r\n`));
  } else out.push(Buffer.from('\r\n'));
  return Buffer.concat(out);
}

export async function drain(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Splits a buffer into small random-ish pieces so parsers see lines cut anywhere. */
export function dribble(buf: Buffer, size = 7): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}
