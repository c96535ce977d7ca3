/**
 * Reads what a SigV4 request claims (Authorization header or presigned query) without checking it.
 * Cheap enough for the gateway to route on before anything is verified.
 */
import type { HttpRequest } from './types';
import { ALGORITHM, parseQuery, type QueryPairs } from './sigv4-canonical';
import { malformedAuthorization, malformedPresign } from './sigv4-errors';

export interface ClaimedSignature {
  presigned: boolean;
  algorithm: string;
  accessKeyId: string;
  /** Credential scope parts. */
  date: string;
  region: string;
  service: string;
  scope: string;
  signedHeaders: string[];
  signature: string;
  /** Presigned only: the decoded query pairs and the query's own X-Amz-* values. */
  query?: QueryPairs;
  amzDate?: string;
  expires?: string;
  securityToken?: string;
  contentSha256?: string;
}

/** An Authorization scheme other than SigV4 with HMAC (SigV2's `AWS …`, SigV4a): named, never verified. */
export interface UnsupportedScheme {
  unsupported: string;
}

export type Claim = ClaimedSignature | UnsupportedScheme;

/** Credential = AKID/date/region/service/aws4_request; undefined when it has another form. */
function splitCredential(
  credential: string,
): { accessKeyId: string; date: string; region: string; service: string } | undefined {
  const parts = credential.split('/');
  if (
    parts.length !== 5 ||
    parts[4] !== 'aws4_request' ||
    !parts[0] ||
    !/^\d{8}$/.test(parts[1]!) ||
    !parts[2] ||
    !parts[3]
  )
    return undefined;
  return { accessKeyId: parts[0], date: parts[1]!, region: parts[2], service: parts[3] };
}

const s3Scoped = (credential: string | undefined): boolean => credential?.split('/')[3] === 's3';

/** Authorization: `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorizationHeader(header: string): Claim {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) return { unsupported: algorithm };
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const s3 = s3Scoped(credential);
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((f) => !fields.get(f));
  if (missing.length > 0) {
    const detail = s3
      ? `the ${missing[0]} parameter is missing.`
      : missing.map((f) => `Authorization header requires '${f}' parameter.`).join(' ');
    throw malformedAuthorization(s3, detail, header);
  }
  const cred = splitCredential(credential!);
  if (!cred) {
    throw malformedAuthorization(
      s3,
      s3
        ? 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'
        : `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
      header,
    );
  }
  return {
    presigned: false,
    algorithm,
    ...cred,
    scope: `${cred.date}/${cred.region}/${cred.service}/aws4_request`,
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
  };
}

/** X-Amz-Algorithm / Credential / Date / Expires / SignedHeaders / Signature in the query string. */
export function parsePresignedQuery(rawQuery: string): Claim | undefined {
  if (!rawQuery.includes('X-Amz-')) return undefined;
  const query = parseQuery(rawQuery);
  const get = (name: string): string | undefined => query.find(([k]) => k === name)?.[1];
  const algorithm = get('X-Amz-Algorithm');
  const credential = get('X-Amz-Credential');
  if (algorithm === undefined && credential === undefined) return undefined;
  const s3 = s3Scoped(credential);
  if (algorithm !== ALGORITHM) {
    if (algorithm === undefined)
      throw malformedPresign(
        s3,
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    return { unsupported: algorithm };
  }
  const required = ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'];
  if (required.some((r) => !get(r))) {
    throw malformedPresign(
      s3,
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const cred = splitCredential(credential!);
  if (!cred) {
    throw malformedPresign(
      s3,
      s3
        ? 'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'
        : `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  return {
    presigned: true,
    algorithm,
    ...cred,
    scope: `${cred.date}/${cred.region}/${cred.service}/aws4_request`,
    signedHeaders: get('X-Amz-SignedHeaders')!.split(';'),
    signature: get('X-Amz-Signature')!,
    query,
    amzDate: get('X-Amz-Date'),
    expires: get('X-Amz-Expires'),
    securityToken: get('X-Amz-Security-Token'),
    contentSha256: get('X-Amz-Content-Sha256'),
  };
}

/** Header form first (AWS refuses both at once; we simply prefer the header). */
export function parseClaim(req: HttpRequest): Claim | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) return parseAuthorizationHeader(header);
  return parsePresignedQuery(req.rawQuery);
}
