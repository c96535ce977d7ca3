/**
 * The website endpoint (`BUCKET.s3-website-REGION.amazonaws.com`, or `.s3-website.REGION.`): unsigned
 * GETs answered with website semantics (§8.6): index documents for folders, the error document with
 * a 404, RedirectAllRequestsTo, and AWS's HTML error pages. Every read is an anonymous request, so
 * only what the bucket policy or an ACL grants to everyone is served (Block Public Access permitting).
 * Guests and the workstation reach it over the virtual network's internet (network.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';
import { findBucket, partitionOf, type BucketRow } from './state/buckets';
import { anonymousMay } from './state/public-access';
import { corsHeaders, getCors, matchCors } from './state/cors';
import { ARCHIVE_CLASSES, isRestored } from './state/restores';
import { readSmall } from './state/blobs';
import { findObject, objectBlobs, parseHeaders, segmentsFor, type ObjectRow } from './state/objects';
import { getWebsite } from './state/websites';

export interface WebRequest {
  method: string;
  path: string;
  host: string;
  /** Lower-case names; only Origin and the preflight's Access-Control-Request-* are read. */
  headers?: Record<string, string>;
  /** The simulated time (restores of archived objects are judged against it). */
  now: number;
}
export interface WebResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

const WEBSITE_HOST = /^(.+)\.s3-website[.-]([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/;

/** The bucket and region a website host name names, if it is one. */
export function websiteHost(host: string): { bucket: string; region: string } | undefined {
  const m = WEBSITE_HOST.exec(host.toLowerCase().replace(/:\d+$/, ''));
  return m ? { bucket: m[1]!, region: m[2]! } : undefined;
}

const STATUS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 301: 'Moved Permanently', 302: 'Found', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

function errorPage(status: number, items: [string, string][]): WebResponse {
  const id = randomBytes(8).toString('hex').toUpperCase();
  const title = `${status} ${STATUS[status]}`;
  const list = [...items, ['RequestId', id], ['HostId', randomBytes(32).toString('base64')]].map(([k, v]) => `<li>${k}: ${v}</li>`).join('\n');
  const body = `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n${list}\n</ul>\n<hr/>\n</body>\n</html>\n`;
  return { status, statusText: STATUS[status]!, headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'x-amz-request-id': id }, body };
}

/** The bucket policy and the object's ACL, as Block Public Access lets them count (state/public-access.ts). */
const publicRead = (store: Store, bucket: BucketRow, key: string) => anonymousMay(store, bucket, 's3:GetObject', key, findObject(store, bucket.id, key)?.acl);

function objectResponse(store: Store, row: ObjectRow, status: number, head: boolean): WebResponse {
  const data = readSmall(store, segmentsFor(objectBlobs(store, row.id), 0, row.size));
  const headers: Record<string, string> = {
    'content-type': row.content_type,
    'content-length': String(row.size),
    etag: row.etag,
    'last-modified': new Date(row.last_modified).toUTCString(),
  };
  const h = parseHeaders(row.headers) as Record<string, string | undefined>;
  if (h.WebsiteRedirectLocation) return { status: 301, statusText: STATUS[301]!, headers: { location: h.WebsiteRedirectLocation, 'content-length': '0' }, body: '' };
  const text = /^text\/|json|xml|javascript/.test(row.content_type);
  return { status, statusText: STATUS[status]!, headers, body: head ? '' : data.toString(text ? 'utf8' : 'latin1') };
}

function serve(store: Store, req: WebRequest): WebResponse {
  const target = websiteHost(req.host);
  if (!target) return errorPage(404, [['Code', 'NoSuchBucket'], ['Message', 'The specified bucket does not exist']]);
  const bucket = findBucket(store, partitionOf(target.region), target.bucket);
  if (!bucket || bucket.region !== target.region) return errorPage(404, [['Code', 'NoSuchBucket'], ['Message', 'The specified bucket does not exist'], ['BucketName', target.bucket]]);
  const config = getWebsite(store, bucket.id);
  if (!config) return errorPage(404, [['Code', 'NoSuchWebsiteConfiguration'], ['Message', 'The specified bucket does not have a website configuration'], ['BucketName', bucket.name]]);
  if (config.RedirectAllRequestsTo?.HostName) {
    const r = config.RedirectAllRequestsTo;
    return { status: 301, statusText: STATUS[301]!, headers: { location: `${r.Protocol ?? 'http'}://${r.HostName}${req.path}`, 'content-length': '0' }, body: '' };
  }
  const method = req.method.toUpperCase();
  if (method === 'OPTIONS') return preflight(store, bucket, req.headers ?? {});
  if (method !== 'GET' && method !== 'HEAD') return errorPage(405, [['Code', 'MethodNotAllowed'], ['Message', `The specified method is not allowed against this resource.`], ['Method', method], ['ResourceType', 'OBJECT']]);
  const head = method === 'HEAD';
  const path = decodeURIComponent(req.path.split('?')[0]!.replace(/^\/+/, ''));
  const suffix = config.IndexDocument?.Suffix ?? 'index.html';
  const key = path === '' || path.endsWith('/') ? `${path}${suffix}` : path;
  const row = findObject(store, bucket.id, key);
  if (row) {
    if (!anonymousMay(store, bucket, 's3:GetObject', key, row.acl)) return errorPage(403, [['Code', 'AccessDenied'], ['Message', 'Access Denied']]);
    // An archived object is not served until a restore has finished, as on a REST GET.
    if (ARCHIVE_CLASSES.has(row.storage_class) && !isRestored(row.restore, req.now)) {
      return errorPage(403, [['Code', 'InvalidObjectState'], ['Message', "The operation is not valid for the object's storage class"], ['StorageClass', row.storage_class]]);
    }
    return objectResponse(store, row, 200, head);
  }
  // A folder named without its slash: S3 redirects to the folder when its index document exists.
  if (!path.endsWith('/') && findObject(store, bucket.id, `${path}/${suffix}`)) {
    return { status: 302, statusText: STATUS[302]!, headers: { location: `/${path}/`, 'content-length': '0' }, body: '' };
  }
  // A missing key is a 404 only for callers who may list the bucket; everyone else gets 403, as on AWS.
  const status = anonymousMay(store, bucket, 's3:ListBucket') ? 404 : 403;
  const errorKey = config.ErrorDocument?.Key;
  const errorDoc = errorKey ? findObject(store, bucket.id, errorKey) : undefined;
  if (errorDoc && publicRead(store, bucket, errorKey!)) return objectResponse(store, errorDoc, status, head);
  if (status === 403) return errorPage(403, [['Code', 'AccessDenied'], ['Message', 'Access Denied']]);
  return errorPage(404, [['Code', 'NoSuchKey'], ['Message', 'The specified key does not exist.'], ['Key', key]]);
}

const requestedHeaders = (h: Record<string, string>): string[] =>
  (h['access-control-request-headers'] ?? '')
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

/** A browser's CORS preflight, answered from the bucket's CORS rules as S3 answers it. */
function preflight(store: Store, bucket: BucketRow, h: Record<string, string>): WebResponse {
  const origin = h.origin;
  const method = h['access-control-request-method'];
  if (!origin || !method) return errorPage(400, [['Code', 'BadRequest'], ['Message', 'Insufficient information. Origin request header needed.']]);
  const headers = requestedHeaders(h);
  const rule = matchCors(getCors(store, bucket.id) ?? [], origin, method.toUpperCase(), headers);
  if (!rule) return errorPage(403, [['Code', 'AccessForbidden'], ['Message', 'CORSResponse: This CORS request is not allowed.'], ['Method', method], ['ResourceType', 'OBJECT']]);
  return { status: 200, statusText: STATUS[200]!, headers: { ...corsHeaders(rule, origin, { headers }), 'content-length': '0' }, body: '' };
}

/** Website semantics (serve), plus the CORS headers a browser's cross-origin GET needs. */
export function serveWebsite(store: Store, req: WebRequest): WebResponse {
  const res = serve(store, req);
  const origin = req.headers?.origin;
  const method = req.method.toUpperCase();
  if (!origin || method === 'OPTIONS') return res;
  const target = websiteHost(req.host);
  const bucket = target && findBucket(store, partitionOf(target.region), target.bucket);
  const rule = bucket ? matchCors(getCors(store, bucket.id) ?? [], origin, method, []) : undefined;
  return rule ? { ...res, headers: { ...res.headers, ...corsHeaders(rule, origin, undefined) } } : res;
}
