/** General purpose bucket naming rules, as S3 enforces them today. */
import { invalidBucketName } from './errors';

const ALLOWED = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_SHAPED = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export function isValidBucketName(name: string): boolean {
  return (
    ALLOWED.test(name) &&
    !name.includes('..') &&
    !IP_SHAPED.test(name) &&
    !RESERVED_PREFIXES.some((p) => name.startsWith(p)) &&
    !RESERVED_SUFFIXES.some((s) => name.endsWith(s))
  );
}

export function checkBucketName(name: string): void {
  if (!isValidBucketName(name)) throw invalidBucketName(name);
}
