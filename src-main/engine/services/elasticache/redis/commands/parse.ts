/** Argument parsing with Redis's own rules and error texts. */
import { RedisError } from '../resp';

export const E_INT = 'ERR value is not an integer or out of range';
export const E_FLOAT = 'ERR value is not a valid float';
export const E_SYNTAX = 'ERR syntax error';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** string2ll: optional '-', digits, no leading zeros, no spaces or '+', within int64. */
export function toBigInt(s: string, message = E_INT): bigint {
  if (!/^(-?[1-9][0-9]*|0)$/.test(s) || s.length > 20) throw new RedisError(message);
  const n = BigInt(s);
  if (n > INT64_MAX || n < INT64_MIN) throw new RedisError(message);
  return n;
}

export function toInt(s: string, message = E_INT): number {
  return Number(toBigInt(s, message));
}

export function inInt64(n: bigint): boolean {
  return n <= INT64_MAX && n >= INT64_MIN;
}

/** strtold as Redis uses it: decimal or exponent forms and inf; no NaN, no spaces. */
export function toFloat(s: string, message = E_FLOAT): number {
  const t = s.toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) throw new RedisError(message);
  const n = Number(s);
  if (Number.isNaN(n)) throw new RedisError(message);
  return n;
}

/** Redis's stringmatchlen: * ? [set] [^set] [a-z] and backslash escapes. */
export function globMatch(pattern: string, text: string, nocase = false): boolean {
  const p = nocase ? pattern.toLowerCase() : pattern;
  const s = nocase ? text.toLowerCase() : text;
  const m = (pi: number, si: number): boolean => {
    while (pi < p.length) {
      const c = p[pi]!;
      if (c === '*') {
        while (p[pi + 1] === '*') pi++;
        if (pi + 1 === p.length) return true;
        for (let k = si; k <= s.length; k++) if (m(pi + 1, k)) return true;
        return false;
      }
      if (si >= s.length) return false;
      if (c === '?') {
        pi++;
        si++;
        continue;
      }
      if (c === '[') {
        let q = pi + 1;
        const not = p[q] === '^';
        if (not) q++;
        let matched = false;
        while (q < p.length && p[q] !== ']') {
          if (p[q] === '\\' && q + 1 < p.length) {
            q++;
            if (p[q] === s[si]) matched = true;
          } else if (p[q + 1] === '-' && q + 2 < p.length && p[q + 2] !== ']') {
            let lo = p[q]!;
            let hi = p[q + 2]!;
            if (lo > hi) [lo, hi] = [hi, lo];
            if (s[si]! >= lo && s[si]! <= hi) matched = true;
            q += 2;
          } else if (p[q] === s[si]) matched = true;
          q++;
        }
        if (not) matched = !matched;
        if (!matched) return false;
        pi = q < p.length ? q + 1 : q;
        si++;
        continue;
      }
      if (c === '\\' && pi + 1 < p.length) {
        if (p[pi + 1] !== s[si]) return false;
        pi += 2;
        si++;
        continue;
      }
      if (c !== s[si]) return false;
      pi++;
      si++;
    }
    return si === s.length;
  };
  return m(0, 0);
}

/** Normalizes a LRANGE/GETRANGE-style [start, stop] pair against a length; undefined when empty. */
export function clampRange(start: number, stop: number, len: number): [number, number] | undefined {
  if (start < 0) start = len + start;
  if (stop < 0) stop = len + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return undefined;
  if (stop >= len) stop = len - 1;
  return [start, stop];
}

export const upper = (s: string | undefined): string => (s ?? '').toUpperCase();
