/** `aws s3 presign`: a SigV4 query-signed GET URL (path style) for the lab's endpoint. */
import { createHash, createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function presignUrl(o: { endpoint: string; bucket: string; key: string; region: string; accessKeyId: string; secretAccessKey: string; sessionToken?: string; now: number; expiresIn: number }): string {
  const url = new URL(o.endpoint);
  const d = new Date(o.now);
  const amzDate = d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const path = `${url.pathname.replace(/\/$/, '')}/${enc(o.bucket)}/${o.key.split('/').map(enc).join('/')}`;
  const query: [string, string][] = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${o.accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(o.expiresIn)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  if (o.sessionToken) query.push(['X-Amz-Security-Token', o.sessionToken]);
  const canonicalQuery = query
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .sort()
    .join('&');
  const canonical = ['GET', path, canonicalQuery, `host:${url.host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, day), o.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `${url.protocol}//${url.host}${path}?${query.map(([k, v]) => `${k}=${enc(v)}`).join('&')}&X-Amz-Signature=${signature}`;
}
