/**
 * IPv4 addresses and CIDR blocks as plain numbers (0..2^32-1), for VPC/subnet checks, address
 * allocation and reachability. Every function is pure.
 */

export interface Cidr {
  /** The block as written canonically: '10.0.0.0/16'. */
  text: string;
  /** First address (the network address). */
  first: number;
  /** Last address (the broadcast address). */
  last: number;
  prefix: number;
  size: number;
}

export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * Parses 'a.b.c.d/p'. `strict` (the default) refuses host bits after the prefix, as AWS does for
 * VPC and subnet blocks; lenient parsing masks them off.
 */
export function parseCidr(text: string, opts: { strict?: boolean } = {}): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = ip - (ip % size);
  if ((opts.strict ?? true) && first !== ip) return undefined;
  return { text: `${formatIpv4(first)}/${prefix}`, first, last: first + size - 1, prefix, size };
}

export const cidrContainsIp = (c: Cidr, ip: number): boolean => ip >= c.first && ip <= c.last;

export const cidrContains = (outer: Cidr, inner: Cidr): boolean => inner.first >= outer.first && inner.last <= outer.last;

export const cidrsOverlap = (a: Cidr, b: Cidr): boolean => a.first <= b.last && b.first <= a.last;

/** True when the address text lies in the block text (both parsed leniently; false if either is invalid). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const n = parseIpv4(ip);
  const c = parseCidr(cidr, { strict: false });
  return n !== undefined && c !== undefined && cidrContainsIp(c, n);
}
