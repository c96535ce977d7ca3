/**
 * Test helpers for the wire layer: real client-shaped requests (SDK v3 with a capturing request handler,
 * SDK v2's `makeRequest().build()`), our responses fed back through the SDKs' own deserializers, and a
 * gateway over the real models with a fake `authenticate` (the SigV4 layer has its own tests).
 */
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { loadModel, type LoadedModel } from '../../../src-main/engine/models/load';
import { findResourcesDir } from '../../../src-main/engine/models/paths';
import type { HttpRequest, HttpResponse, Principal } from '../../../src-main/engine/protocol/types';
import { createGateway } from '../../../src-main/engine/protocol/gateway';
import { readSigningInfo } from '../../../src-main/engine/protocol/sigv4';

const require = createRequire(import.meta.url);
export const AWS2 = require('aws-sdk') as typeof import('aws-sdk');

export const model = (service: string): LoadedModel => loadModel(findResourcesDir(), service);

export const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

const lower = (h: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : String(v);
  return out;
};

async function toBuffer(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

interface V3Request {
  method: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

const encodeQuery = (query: V3Request['query']): string => {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null) parts.push(encodeURIComponent(k));
    else for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  }
  return parts.join('&');
};

export async function fromV3Request(r: V3Request): Promise<HttpRequest> {
  const headers = lower(r.headers);
  headers.host ??= r.port ? `${r.hostname}:${r.port}` : r.hostname;
  return { method: r.method, path: r.path, rawQuery: encodeQuery(r.query), headers, body: await toBuffer(r.body) };
}

/** A v3 request handler that records the request and answers with `respond` (default: 200 empty). */
export function capturingHandler(respond?: (req: HttpRequest) => Promise<HttpResponse> | HttpResponse) {
  const seen: HttpRequest[] = [];
  return {
    seen,
    handler: {
      async handle(request: V3Request) {
        const req = await fromV3Request(request);
        seen.push(req);
        const res = respond ? await respond(req) : { status: 200, headers: {}, body: Buffer.alloc(0) };
        const body = res.body === undefined ? Readable.from([]) : typeof res.body === 'string' || Buffer.isBuffer(res.body) ? Readable.from([Buffer.from(res.body)]) : Readable.from(res.body);
        return { response: { statusCode: res.status, reason: '', headers: res.headers, body } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

/** SDK v2: the request exactly as the client would send it. */
type V2Service = import('aws-sdk').Service;

export function fromV2(service: V2Service, op: string, params: Record<string, unknown>): HttpRequest {
  // build() exists at runtime but is missing from the SDK's typings.
  const request = service.makeRequest(op, params) as unknown as { build(): void; httpRequest: { method: string; path: string; headers: Record<string, string>; body: unknown } };
  request.build();
  const http = request.httpRequest;
  const q = http.path.indexOf('?');
  return {
    method: http.method,
    path: q === -1 ? http.path : http.path.slice(0, q),
    rawQuery: q === -1 ? '' : http.path.slice(q + 1),
    headers: lower(http.headers),
    body: Buffer.from((http.body as string | Buffer | undefined) ?? ''),
  };
}

/** SDK v2: parse one of our responses with the client's own deserializer. */
export function parseWithV2<T>(service: V2Service, op: string, params: Record<string, unknown>, res: HttpResponse): Promise<T> {
  const request = service.makeRequest(op, params) as ReturnType<V2Service['makeRequest']> & { removeAllListeners(event: string): void };
  request.removeAllListeners('send');
  request.on('send', (resp) => {
    const http = resp.httpResponse as unknown as { statusCode: number; headers: Record<string, string>; body: Buffer };
    http.statusCode = res.status;
    http.headers = res.headers;
    http.body = Buffer.isBuffer(res.body) ? res.body : Buffer.from(String(res.body ?? ''));
  });
  return request.promise() as unknown as Promise<T>;
}

export const v2Config = { region: 'us-east-1', credentials: new AWS2.Credentials(credentials.accessKeyId, credentials.secretAccessKey), endpoint: 'http://127.0.0.1:4566' };

export const rootPrincipal: Principal = { type: 'root', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root', userId: '123456789012', accessKeyId: credentials.accessKeyId };

export interface Recorded {
  service: string;
  operation: string;
  input: Record<string, unknown>;
  requestId?: string;
  region?: string;
}

/** A gateway over the real models whose `call` records and answers with `answer`. */
export function testGateway(answer: (r: Recorded) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})) {
  const calls: Recorded[] = [];
  const services = ['ec2', 's3', 'iam', 'sts', 'dynamodb', 'sqs', 'lambda', 'elasticloadbalancing', 'elasticloadbalancingv2', 'monitoring', 'logs'];
  const gateway = createGateway({
    model,
    listServices: () => services,
    call: async (_p, service, operation, input, opts) => {
      const r = { service, operation, input, requestId: opts?.requestId, region: opts?.region };
      calls.push(r);
      return answer(r);
    },
    authenticate: async (req) => {
      const info = readSigningInfo(req);
      const body = Buffer.isBuffer(req.body) ? req.body : await toBuffer(req.body);
      return { principal: rootPrincipal, region: info?.region ?? 'us-east-1', body };
    },
  });
  return { gateway, calls };
}

export const bodyString = (res: HttpResponse): string => (Buffer.isBuffer(res.body) || typeof res.body === 'string' ? String(res.body) : '');
