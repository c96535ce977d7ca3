/**
 * Shard iterators: opaque text that starts with the stream's ARN (as DynamoDB's do) and carries the
 * shard, the next sequence number and when it was issued. They expire after 15 simulated minutes.
 */
export const ITERATOR_TTL_MS = 15 * 60_000;

export interface Position {
  arn: string;
  shard: string;
  next: number;
  issued: number;
}

export const encodeIterator = (p: Position): string =>
  `${p.arn}|1|${Buffer.from(JSON.stringify({ s: p.shard, n: p.next, t: p.issued })).toString('base64')}`;

export function decodeIterator(text: string): Position | undefined {
  const bar = text.lastIndexOf('|1|');
  if (bar < 0) return undefined;
  try {
    const o = JSON.parse(Buffer.from(text.slice(bar + 3), 'base64').toString('utf8')) as Record<string, unknown>;
    if (typeof o.s !== 'string' || typeof o.n !== 'number' || typeof o.t !== 'number') return undefined;
    return { arn: text.slice(0, bar), shard: o.s, next: o.n, issued: o.t };
  } catch {
    return undefined;
  }
}
