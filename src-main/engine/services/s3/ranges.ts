/** The Range header of GetObject/HeadObject: one range, in S3's reading of RFC 9110. */
import { invalidRange } from './errors';

export interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
}

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * undefined = serve the whole object (no header, or one S3 ignores: malformed, several ranges,
 * first > last). Throws InvalidRange when the range is well formed but outside the object.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE.exec(header.trim());
  if (!m) return undefined;
  const [, a, b] = m as unknown as [string, string, string];
  if (a === '' && b === '') return undefined;
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) throw invalidRange(header, size);
    return { start: Math.max(0, size - n), end: size };
  }
  const first = Number(a);
  const last = b === '' ? size - 1 : Number(b);
  if (b !== '' && last < first) return undefined;
  if (first >= size) throw invalidRange(header, size);
  return { start: first, end: Math.min(last, size - 1) + 1 };
}
