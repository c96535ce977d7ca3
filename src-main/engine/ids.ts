/** AWS-shaped identifiers. */
import { randomBytes, randomUUID } from 'node:crypto';

/** `i-` + 17 hex, `vol-`, `sg-`, ... as EC2 prints them today. */
export const resourceId = (prefix: string, hexLength = 17): string =>
  `${prefix}-${randomBytes(Math.ceil(hexLength / 2)).toString('hex').slice(0, hexLength)}`;

export const requestId = (): string => randomUUID();

/** S3's 16-character upper-case request id. */
export const s3RequestId = (): string => randomBytes(8).toString('hex').toUpperCase();

/** S3's x-amz-id-2: an opaque base64 token. */
export const s3HostId = (): string => randomBytes(48).toString('base64');

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base32 = (n: number): string => {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += BASE32[bytes[i]! % 32];
  return out;
};

/** Access key ids: AKIA (long-term), ASIA (temporary), AIDA (user id), AROA (role id)... + 16 chars. */
export const awsUniqueId = (prefix: 'AKIA' | 'ASIA' | 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'AIPA'): string =>
  prefix + base32(16);

export const secretAccessKey = (): string =>
  randomBytes(30).toString('base64').replace(/\+/g, 'x').replace(/\//g, 'z').slice(0, 40);

export const accountId = (): string => {
  const digits = randomBytes(12);
  let out = String(1 + (digits[0]! % 9));
  for (let i = 1; i < 12; i++) out += String(digits[i]! % 10);
  return out;
};
