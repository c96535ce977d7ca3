/**
 * S3's virtual-hosted addressing: `BUCKET.s3.amazonaws.com`, `BUCKET.s3.REGION.amazonaws.com`,
 * `BUCKET.localhost:4566`, `BUCKET.127.0.0.1.nip.io` name the bucket in the Host header. The router works on
 * path style, so such requests are rewritten to `/BUCKET/key` first. Plain hosts (`localhost:4566`,
 * `127.0.0.1:4566`, `s3.amazonaws.com`) are already path style.
 */
const VIRTUAL_HOST_PATTERNS = [
  /^(.+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/,
  /^(.+)\.localhost$/,
  /^(.+)\.(?:\d{1,3}\.){3}\d{1,3}\.nip\.io$/,
];

/** The bucket named by the Host header, when the request is virtual-hosted. */
export function virtualHostBucket(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const colon = host.lastIndexOf(':');
  const name = (colon !== -1 && !host.endsWith(']') ? host.slice(0, colon) : host).toLowerCase();
  // Fast path: the endpoint's own address.
  if (name === 'localhost' || name === '127.0.0.1' || !name.includes('.')) return undefined;
  for (const re of VIRTUAL_HOST_PATTERNS) {
    const m = re.exec(name);
    if (m) {
      const bucket = m[1]!;
      // `s3.REGION.amazonaws.com` and `s3-REGION...` with no bucket label in front are path style.
      if (bucket === 's3' || bucket.startsWith('s3.') || bucket.startsWith('s3-')) return undefined;
      return bucket;
    }
  }
  return undefined;
}

/** The path-style path for a request: `/BUCKET` + the original path when the host names a bucket. */
export function s3PathStylePath(host: string | undefined, path: string): string {
  const bucket = virtualHostBucket(host);
  if (!bucket) return path;
  return path === '/' || path === '' ? `/${bucket}` : `/${bucket}${path}`;
}
