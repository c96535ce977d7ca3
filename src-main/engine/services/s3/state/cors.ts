/** CORS rules per bucket, and the rule a browser's request (origin, method, headers) matches. */
import type { Store } from '../../../store/store';

export interface CorsRule {
  ID?: string;
  AllowedHeaders?: string[];
  AllowedMethods: string[];
  AllowedOrigins: string[];
  ExposeHeaders?: string[];
  MaxAgeSeconds?: number;
}

export const getCors = (store: Store, bucketId: number): CorsRule[] | undefined => {
  const v = store.stmt('SELECT cors FROM s3_buckets WHERE id = ?').pluck().get(bucketId) as string | null | undefined;
  return v ? (JSON.parse(v) as CorsRule[]) : undefined;
};

export const setCors = (store: Store, bucketId: number, rules: CorsRule[] | null): void => {
  store.stmt('UPDATE s3_buckets SET cors = ? WHERE id = ?').run(rules ? JSON.stringify(rules) : null, bucketId);
};

/** One '*' wildcard at most, as S3 allows in origins and headers. */
const wildcard = (pattern: string, value: string): boolean => {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern.toLowerCase() === value.toLowerCase();
  const head = pattern.slice(0, star).toLowerCase();
  const tail = pattern.slice(star + 1).toLowerCase();
  const v = value.toLowerCase();
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
};

/** The first rule allowing this origin, method and every requested header. */
export function matchCors(rules: CorsRule[], origin: string, method: string, headers: string[]): CorsRule | undefined {
  return rules.find(
    (r) =>
      r.AllowedOrigins.some((o) => wildcard(o, origin)) &&
      r.AllowedMethods.includes(method) &&
      headers.every((h) => (r.AllowedHeaders ?? []).some((a) => wildcard(a, h))),
  );
}

/** The Access-Control-* headers S3 answers a matched request with. */
export function corsHeaders(rule: CorsRule, origin: string, preflight: { headers: string[] } | undefined): Record<string, string> {
  const out: Record<string, string> = {
    'access-control-allow-origin': rule.AllowedOrigins.includes('*') ? '*' : origin,
    'access-control-allow-methods': rule.AllowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!rule.AllowedOrigins.includes('*')) out['access-control-allow-credentials'] = 'true';
  if (preflight && preflight.headers.length > 0) out['access-control-allow-headers'] = preflight.headers.join(', ');
  if (rule.ExposeHeaders?.length) out['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) out['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return out;
}
