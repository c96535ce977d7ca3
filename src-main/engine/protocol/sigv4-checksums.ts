/**
 * The flexible checksums S3 accepts in `x-amz-checksum-*` headers and trailers, computed
 * incrementally while a body streams. Values are base64 of the big-endian digest, as S3 prints them.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

export interface Checksum {
  update(chunk: Buffer): void;
  /** Base64 digest. */
  digest(): string;
}

export type ChecksumAlgorithm = 'crc32' | 'crc32c' | 'crc64nvme' | 'sha1' | 'sha256';

const ALGORITHMS = new Set<string>(['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256']);
/** Digest sizes in bytes, to tell a malformed value from a mismatching one. */
const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 };

/** 'x-amz-checksum-crc32' → 'crc32'; undefined for anything else. */
export function checksumAlgorithmOf(header: string): ChecksumAlgorithm | undefined {
  const name = header.toLowerCase();
  if (!name.startsWith('x-amz-checksum-')) return undefined;
  const alg = name.slice('x-amz-checksum-'.length);
  return ALGORITHMS.has(alg) ? (alg as ChecksumAlgorithm) : undefined;
}

export function isWellFormedChecksum(algorithm: ChecksumAlgorithm, value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return Buffer.from(value, 'base64').length === DIGEST_BYTES[algorithm];
}

const u32be = (n: number): string => {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n >>> 0);
  return b.toString('base64');
};

// zlib.crc32 exists from Node 20.15; the typings for Node 20 may not declare it yet.
const zlibCrc32 = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/** Reflected CRC-32 with any polynomial, table-driven (crc32 falls back to it without zlib.crc32). */
function crc32Table(poly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
}

let crc32cTableCache: Uint32Array | undefined;
let crc32TableCache: Uint32Array | undefined;

function tableCrc32(table: Uint32Array): Checksum {
  let crc = 0xffffffff;
  return {
    update(chunk) {
      for (let i = 0; i < chunk.length; i++) crc = table[(crc ^ chunk[i]!) & 0xff]! ^ (crc >>> 8);
    },
    digest: () => u32be(crc ^ 0xffffffff),
  };
}

/** CRC-64/NVME (reflected poly 0x9a6c9329ac4bc9b5), kept as two 32-bit halves to avoid BigInt per byte. */
let crc64Tables: [Uint32Array, Uint32Array] | undefined;
function crc64nvme(): Checksum {
  if (!crc64Tables) {
    const hiT = new Uint32Array(256);
    const loT = new Uint32Array(256);
    const polyHi = 0x9a6c9329;
    const polyLo = 0xac4bc9b5;
    for (let i = 0; i < 256; i++) {
      let hi = 0;
      let lo = i;
      for (let k = 0; k < 8; k++) {
        const carry = lo & 1;
        lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
        hi = hi >>> 1;
        if (carry) {
          hi = (hi ^ polyHi) >>> 0;
          lo = (lo ^ polyLo) >>> 0;
        }
      }
      hiT[i] = hi;
      loT[i] = lo;
    }
    crc64Tables = [hiT, loT];
  }
  const [hiT, loT] = crc64Tables;
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  return {
    update(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const idx = (lo ^ chunk[i]!) & 0xff;
        lo = (((lo >>> 8) | ((hi & 0xff) << 24)) ^ loT[idx]!) >>> 0;
        hi = ((hi >>> 8) ^ hiT[idx]!) >>> 0;
      }
    },
    digest() {
      const b = Buffer.allocUnsafe(8);
      b.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
      b.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
      return b.toString('base64');
    },
  };
}

export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'crc32': {
      if (!zlibCrc32) return tableCrc32((crc32TableCache ??= crc32Table(0xedb88320)));
      let crc = 0;
      return { update: (chunk) => void (crc = zlibCrc32(chunk, crc)), digest: () => u32be(crc) };
    }
    case 'crc32c':
      return tableCrc32((crc32cTableCache ??= crc32Table(0x82f63b78)));
    case 'crc64nvme':
      return crc64nvme();
    case 'sha1':
    case 'sha256': {
      const hash = createHash(algorithm);
      return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest('base64') };
    }
  }
}
