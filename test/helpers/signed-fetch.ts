import { Sha256 } from './sha256';
/** Sends a hand-built SigV4-signed request, for wire cases no SDK will produce (malformed bodies, missing members). */
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RunningLab } from './lab';


export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

export async function signedFetch(
  lab: RunningLab,
  req: { method: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string; service: string; region?: string },
): Promise<RawResponse> {
  const signer = new SignatureV4({
    credentials: lab.credentials,
    region: req.region ?? 'us-east-1',
    service: req.service,
    sha256: Sha256,
    uriEscapePath: req.service !== 's3',
    applyChecksum: true,
  });
  const headers: Record<string, string> = { host: `127.0.0.1:${lab.port}`, ...(req.headers ?? {}) };
  if (req.service === 's3') headers['x-amz-content-sha256'] = createHash('sha256').update(req.body ?? '').digest('hex');
  const signed = await signer.sign({
    method: req.method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: lab.port,
    path: req.path,
    query: req.query ?? {},
    headers,
    body: req.body,
  });
  const qs = new URLSearchParams(req.query ?? {}).toString().replace(/\+/g, '%20');
  const res = await fetch(`${lab.endpoint}${req.path}${qs ? `?${qs}` : ''}`, {
    method: req.method,
    headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'host')),
    body: req.body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}
