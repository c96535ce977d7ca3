/** Set commands. */
import { RedisError, NIL, arr, bulk, bulks, int, type Reply } from '../resp';
import { E_SYNTAX, globMatch, toInt, upper } from './parse';
import { EMPTY_SCAN, parseCursor, scanArgs, scanPage } from './keys';
import type { CommandTable, Exec } from './types';

const membersOf = (x: Exec, k: string): Set<string> => x.db.getTyped(k, 'set')?.v ?? new Set<string>();
const asSet = (s: Iterable<string>): Reply => ({ t: 'set', a: [...s].map((m) => bulk(m)) });

function combine(x: Exec, keys: string[], op: 'inter' | 'union' | 'diff'): Set<string> {
  const sets = keys.map((k) => membersOf(x, k));
  if (op === 'union') return new Set(sets.flatMap((s) => [...s]));
  const [first, ...rest] = sets;
  const out = new Set<string>();
  for (const m of first ?? []) {
    const inOthers = rest.map((s) => s.has(m));
    if (op === 'inter' ? inOthers.every(Boolean) : !inOthers.some(Boolean)) out.add(m);
  }
  return out;
}

function store(x: Exec, dst: string, members: Set<string>): Reply {
  x.db.delete(dst);
  if (members.size > 0) x.db.set(dst, { type: 'set', v: members });
  return int(members.size);
}

function randomMembers(s: Set<string>, n: number): string[] {
  const all = [...s];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, n);
}

export const setCommands: CommandTable = {
  sadd: {
    arity: -3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...ms]) => {
      const s = x.db.getOrCreate(k!, 'set');
      let n = 0;
      for (const m of ms) {
        if (s.v.has(m)) continue;
        s.v.add(m);
        n++;
      }
      x.db.touch(k!);
      return int(n);
    },
  },
  srem: {
    arity: -3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...ms]) => {
      const s = x.db.getTyped(k!, 'set');
      if (!s) return int(0);
      const n = ms.filter((m) => s.v.delete(m)).length;
      if (n) x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return int(n);
    },
  },
  smembers: { arity: 2, flags: ['readonly'], keys: [1, 1, 1], run: (x, [k]) => asSet(membersOf(x, k!)) },
  sismember: { arity: 3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, m]) => int(membersOf(x, k!).has(m!)) },
  smismember: { arity: -3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, ...ms]) => arr(ms.map((m) => int(membersOf(x, k!).has(m)))) },
  scard: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int(membersOf(x, k!).size) },
  spop: {
    arity: -2,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, c]) => {
      const count = c === undefined ? undefined : toInt(c, 'ERR value is out of range, must be positive');
      if (count !== undefined && count < 0) throw new RedisError('ERR value is out of range, must be positive');
      const s = x.db.getTyped(k!, 'set');
      if (!s) return count === undefined ? NIL : asSet([]);
      const picked = randomMembers(s.v, count ?? 1);
      for (const m of picked) s.v.delete(m);
      x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return count === undefined ? bulk(picked[0]) : asSet(picked);
    },
  },
  srandmember: {
    arity: -2,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, c]) => {
      const s = membersOf(x, k!);
      if (c === undefined) return s.size ? bulk(randomMembers(s, 1)[0]) : NIL;
      const count = toInt(c);
      if (count >= 0) return bulks(randomMembers(s, count));
      const all = [...s];
      return bulks(all.length ? Array.from({ length: -count }, () => all[Math.floor(Math.random() * all.length)]!) : []);
    },
  },
  smove: {
    arity: 4,
    flags: ['write', 'fast'],
    keys: [1, 2, 1],
    run: (x, [src, dst, m]) => {
      const s = x.db.getTyped(src!, 'set');
      x.db.getTyped(dst!, 'set');
      if (!s || !s.v.has(m!)) return int(0);
      s.v.delete(m!);
      x.db.touch(src!);
      x.db.dropIfEmpty(src!);
      x.db.getOrCreate(dst!, 'set').v.add(m!);
      x.db.touch(dst!);
      return int(1);
    },
  },
  sinter: { arity: -2, flags: ['readonly'], keys: [1, -1, 1], run: (x, ks) => asSet(combine(x, ks, 'inter')) },
  sunion: { arity: -2, flags: ['readonly'], keys: [1, -1, 1], run: (x, ks) => asSet(combine(x, ks, 'union')) },
  sdiff: { arity: -2, flags: ['readonly'], keys: [1, -1, 1], run: (x, ks) => asSet(combine(x, ks, 'diff')) },
  sinterstore: { arity: -3, flags: ['write'], keys: [1, -1, 1], run: (x, [d, ...ks]) => store(x, d!, combine(x, ks, 'inter')) },
  sunionstore: { arity: -3, flags: ['write'], keys: [1, -1, 1], run: (x, [d, ...ks]) => store(x, d!, combine(x, ks, 'union')) },
  sdiffstore: { arity: -3, flags: ['write'], keys: [1, -1, 1], run: (x, [d, ...ks]) => store(x, d!, combine(x, ks, 'diff')) },
  sintercard: {
    arity: -3,
    flags: ['readonly'],
    run: (x, [n, ...rest]) => {
      const num = toInt(n!, 'ERR numkeys should be greater than 0');
      if (num <= 0) throw new RedisError('ERR numkeys should be greater than 0');
      if (rest.length < num) throw new RedisError("ERR Number of keys can't be greater than number of args");
      const keys = rest.slice(0, num);
      let limit = 0;
      const opts = rest.slice(num);
      if (opts.length) {
        if (opts.length !== 2 || upper(opts[0]) !== 'LIMIT') throw new RedisError(E_SYNTAX);
        limit = toInt(opts[1]!, "ERR LIMIT can't be negative");
        if (limit < 0) throw new RedisError("ERR LIMIT can't be negative");
      }
      const size = combine(x, keys, 'inter').size;
      return int(limit ? Math.min(limit, size) : size);
    },
  },
  sscan: {
    arity: -3,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, c, ...opts]) => {
      const cursor = parseCursor(c!);
      const set = x.db.getTyped(k!, 'set');
      if (!set) return EMPTY_SCAN;
      const { match, count } = scanArgs(opts, false);
      const { page, next } = scanPage(set.v, cursor, count);
      return arr([bulk(String(next)), bulks(page.filter((m) => !match || globMatch(match, m)))]);
    },
  },
};
