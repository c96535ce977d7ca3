/** A rough per-key memory estimate, close to Redis's own overheads for small values. */
import type { Value } from './keyspace';

export function estimateBytes(key: string, v: Value): number {
  const base = 56 + key.length;
  switch (v.type) {
    case 'string':
      return base + 16 + v.v.length;
    case 'list':
      return base + v.v.toArray().reduce((n, s) => n + 11 + s.length, 24);
    case 'hash': {
      let n = base + 24;
      for (const [f, x] of v.v) n += 24 + f.length + x.length;
      return n;
    }
    case 'set': {
      let n = base + 24;
      for (const m of v.v) n += 16 + m.length;
      return n;
    }
    case 'zset':
      return base + v.v.entries().reduce((n, e) => n + 40 + e.member.length, 64);
  }
}
