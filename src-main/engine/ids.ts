/** AWS-shaped identifiers. */
import { randomBytes, randomUUID } from 'node:crypto';

/** `i-` + 17 hex, `vol-`, `sg-`, ... as EC2 prints them today. */
export const resourceId = (prefix: string, hexLength = 17): string =>
  `${prefix}-${randomBytes(Math.ceil(hexLength / 2)).toString('hex').slice(0, hexLength)}`;

export const requestId = (): string => randomUUID();

// Request ids are minted on every S3 request: one randomBytes() call per id costs ~2-3 µs, so draw
// them from a pooled buffer refilled 8 KiB at a time.
let pool = Buffer.alloc(0);
let poolOffset = 0;
function pooledRandom(n: number): Buffer {
  if (poolOffset + n > pool.length) {
    pool = randomBytes(8192);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

/** S3's 16-character upper-case request id. */
export const s3RequestId = (): string => pooledRandom(8).toString('hex').toUpperCase();

/** S3's x-amz-id-2: an opaque base64 token. */
export const s3HostId = (): string => pooledRandom(48).toString('base64');

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
