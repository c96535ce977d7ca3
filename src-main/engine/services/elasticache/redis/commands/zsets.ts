/** Sorted-set commands. */
import { RedisError, NIL, arr, bulk, bulks, double, formatDouble, int, type Reply } from '../resp';
import type { Entry } from '../sorted-set';
import { E_SYNTAX, clampRange, globMatch, toFloat, toInt, upper } from './parse';
import { EMPTY_SCAN, parseCursor, scanArgs, scanPage } from './keys';
import type { CommandTable, Exec } from './types';

const zsetOf = (x: Exec, k: string) => x.db.getTyped(k, 'zset')?.v;

function scoreReply(x: Exec, n: number): Reply {
  return x.client.resp3 ? double(n) : bulk(formatDouble(n));
}

function withScores(x: Exec, entries: readonly Entry[], scores: boolean): Reply {
  if (!scores) return bulks(entries.map((e) => e.member));
  if (x.client.resp3) return arr(entries.map((e) => arr([bulk(e.member), double(e.score)])));
  return arr(entries.flatMap((e) => [bulk(e.member), bulk(formatDouble(e.score))]));
}

interface ScoreBound {
  v: number;
  open: boolean;
}
function scoreBound(s: string): ScoreBound {
  const open = s.startsWith('(');
  return { v: toFloat(open ? s.slice(1) : s, 'ERR min or max is not a float'), open };
}
const aboveMin = (n: number, b: ScoreBound) => (b.open ? n > b.v : n >= b.v);
const belowMax = (n: number, b: ScoreBound) => (b.open ? n < b.v : n <= b.v);

type LexBound = { kind: '-' | '+' } | { kind: 'v'; v: string; open: boolean };
function lexBound(s: string): LexBound {
  if (s === '-' || s === '+') return { kind: s };
  if (s.startsWith('(') || s.startsWith('[')) return { kind: 'v', v: s.slice(1), open: s[0] === '(' };
  throw new RedisError('ERR min or max not valid string range item');
}
function lexAboveMin(m: string, b: LexBound): boolean {
  if (b.kind !== 'v') return b.kind === '-';
  return b.open ? m > b.v : m >= b.v;
}
function lexBelowMax(m: string, b: LexBound): boolean {
  if (b.kind !== 'v') return b.kind === '+';
  return b.open ? m < b.v : m <= b.v;
}

function byScore(entries: readonly Entry[], min: ScoreBound, max: ScoreBound): Entry[] {
  return entries.filter((e) => aboveMin(e.score, min) && belowMax(e.score, max));
}
function byLex(entries: readonly Entry[], min: LexBound, max: LexBound): Entry[] {
  return entries.filter((e) => lexAboveMin(e.member, min) && lexBelowMax(e.member, max));
}

function limit(list: Entry[], offset: number, count: number): Entry[] {
  if (offset < 0) return [];
  return list.slice(offset, count < 0 ? undefined : offset + count);
}

/** ZRANGE's unified form (BYSCORE | BYLEX, REV, LIMIT, WITHSCORES) and the older commands over it. */
function zrange(x: Exec, key: string, a: string, b: string, opts: { by: 'rank' | 'score' | 'lex'; rev: boolean; offset?: number; count?: number; scores: boolean }): Entry[] {
  const z = zsetOf(x, key);
  const entries = z?.entries() ?? [];
  let out: Entry[];
  if (opts.by === 'rank') {
    const start = toInt(a);
    const stop = toInt(b);
    const ordered = opts.rev ? [...entries].reverse() : entries;
    const r = clampRange(start, stop, ordered.length);
    out = r ? ordered.slice(r[0], r[1] + 1) : [];
  } else if (opts.by === 'score') {
    const [lo, hi] = opts.rev ? [b, a] : [a, b];
    out = byScore(entries, scoreBound(lo), scoreBound(hi));
    if (opts.rev) out.reverse();
  } else {
    const [lo, hi] = opts.rev ? [b, a] : [a, b];
    out = byLex(entries, lexBound(lo), lexBound(hi));
    if (opts.rev) out.reverse();
  }
  if (opts.offset !== undefined) out = limit(out, opts.offset, opts.count ?? -1);
  return out;
}

function rangeOpts(rest: string[], by: 'rank' | 'score' | 'lex', rev: boolean, unified: boolean) {
  const o = { by, rev, scores: false, offset: undefined as number | undefined, count: undefined as number | undefined };
  for (let i = 0; i < rest.length; i++) {
    const u = upper(rest[i]);
    if (u === 'WITHSCORES' && o.by !== 'lex') o.scores = true;
    else if (u === 'LIMIT' && i + 2 < rest.length) {
      o.offset = toInt(rest[++i]!);
      o.count = toInt(rest[++i]!);
    } else if (unified && u === 'BYSCORE') o.by = 'score';
    else if (unified && u === 'BYLEX') o.by = 'lex';
    else if (unified && u === 'REV') o.rev = true;
    else throw new RedisError(E_SYNTAX);
  }
  if (unified && o.offset !== undefined && o.by === 'rank') {
    throw new RedisError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  }
  if (unified && o.scores && o.by === 'lex') throw new RedisError('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  return o;
}

function popMinMax(x: Exec, key: string, max: boolean, countArg: string | undefined): Reply {
  const count = countArg === undefined ? 1 : toInt(countArg, 'ERR value is out of range, must be positive');
  if (count < 0) throw new RedisError('ERR value is out of range, must be positive');
  const z = zsetOf(x, key);
  if (!z) return arr([]);
  const all = z.entries();
  const picked = (max ? [...all].reverse() : [...all]).slice(0, count);
  for (const e of picked) z.remove(e.member);
  x.db.touch(key);
  x.db.dropIfEmpty(key);
  if (x.client.resp3 && countArg !== undefined) return arr(picked.map((e) => arr([bulk(e.member), double(e.score)])));
  return withScores(x, picked, true);
}

function removeEntries(x: Exec, key: string, entries: Entry[]): Reply {
  const z = zsetOf(x, key);
  if (!z) return int(0);
  for (const e of entries) z.remove(e.member);
  if (entries.length) x.db.touch(key);
  x.db.dropIfEmpty(key);
  return int(entries.length);
}

export const zsetCommands: CommandTable = {
  zadd: {
    arity: -4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [key, ...rest]) => {
      let nx = false,
        xx = false,
        gt = false,
        lt = false,
        ch = false,
        incr = false;
      let i = 0;
      for (; i < rest.length; i++) {
        const u = upper(rest[i]);
        if (u === 'NX') nx = true;
        else if (u === 'XX') xx = true;
        else if (u === 'GT') gt = true;
        else if (u === 'LT') lt = true;
        else if (u === 'CH') ch = true;
        else if (u === 'INCR') incr = true;
        else break;
      }
      const pairs = rest.slice(i);
      if (pairs.length === 0 || pairs.length % 2 !== 0) throw new RedisError(E_SYNTAX);
      if (nx && xx) throw new RedisError('ERR XX and NX options at the same time are not compatible');
      if ((gt && nx) || (lt && nx) || (gt && lt)) throw new RedisError('ERR GT, LT, and/or NX options at the same time are not compatible');
      if (incr && pairs.length > 2) throw new RedisError('ERR INCR option supports a single increment-element pair');
      const scores = [];
      for (let p = 0; p < pairs.length; p += 2) scores.push(toFloat(pairs[p]!));
      const z = xx && !zsetOf(x, key!) ? undefined : x.db.getOrCreate(key!, 'zset').v;
      if (!z) return incr ? NIL : int(0);
      let added = 0;
      let changed = 0;
      let last: number | undefined;
      for (let p = 0; p < pairs.length; p += 2) {
        const member = pairs[p + 1]!;
        const old = z.score(member);
        let score = scores[p / 2]!;
        if (incr) score = (old ?? 0) + score;
        if (Number.isNaN(score)) throw new RedisError('ERR resulting score is not a number (NaN)');
        if ((nx && old !== undefined) || (xx && old === undefined)) continue;
        if (old !== undefined && ((gt && score <= old) || (lt && score >= old))) continue;
        if (z.add(member, score)) added++;
        else if (old !== score) changed++;
        last = score;
      }
      x.db.touch(key!);
      x.db.dropIfEmpty(key!);
      if (incr) return last === undefined ? NIL : scoreReply(x, last);
      return int(ch ? added + changed : added);
    },
  },
  zincrby: {
    arity: 4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, by, m]) => {
      const inc = toFloat(by!);
      const z = x.db.getOrCreate(k!, 'zset').v;
      const next = (z.score(m!) ?? 0) + inc;
      if (Number.isNaN(next)) throw new RedisError('ERR resulting score is not a number (NaN)');
      z.add(m!, next);
      x.db.touch(k!);
      return scoreReply(x, next);
    },
  },
  zscore: {
    arity: 3,
    flags: ['readonly', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, m]) => {
      const s = zsetOf(x, k!)?.score(m!);
      return s === undefined ? NIL : scoreReply(x, s);
    },
  },
  zmscore: {
    arity: -3,
    flags: ['readonly', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...ms]) =>
      arr(
        ms.map((m) => {
          const s = zsetOf(x, k!)?.score(m);
          return s === undefined ? NIL : scoreReply(x, s);
        }),
      ),
  },
  zcard: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int(zsetOf(x, k!)?.size ?? 0) },
  zrank: {
    arity: -3,
    flags: ['readonly', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, m]) => {
      const r = zsetOf(x, k!)?.rank(m!);
      return r === undefined ? NIL : int(r);
    },
  },
  zrevrank: {
    arity: -3,
    flags: ['readonly', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, m]) => {
      const z = zsetOf(x, k!);
      const r = z?.rank(m!);
      return r === undefined ? NIL : int(z!.size - 1 - r);
    },
  },
  zrem: {
    arity: -3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...ms]) => {
      const z = zsetOf(x, k!);
      if (!z) return int(0);
      const n = ms.filter((m) => z.remove(m)).length;
      if (n) x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return int(n);
    },
  },
  zrange: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => {
      const o = rangeOpts(rest, 'rank', false, true);
      return withScores(x, zrange(x, k!, a!, b!, o), o.scores);
    },
  },
  zrevrange: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => {
      const o = rangeOpts(rest, 'rank', true, false);
      return withScores(x, zrange(x, k!, a!, b!, o), o.scores);
    },
  },
  zrangebyscore: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => {
      const o = rangeOpts(rest, 'score', false, false);
      return withScores(x, zrange(x, k!, a!, b!, o), o.scores);
    },
  },
  zrevrangebyscore: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => {
      const o = rangeOpts(rest, 'score', true, false);
      return withScores(x, zrange(x, k!, a!, b!, o), o.scores);
    },
  },
  zrangebylex: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => withScores(x, zrange(x, k!, a!, b!, rangeOpts(rest, 'lex', false, false)), false),
  },
  zrevrangebylex: {
    arity: -4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, a, b, ...rest]) => withScores(x, zrange(x, k!, a!, b!, rangeOpts(rest, 'lex', true, false)), false),
  },
  zcount: { arity: 4, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, a, b]) => int(byScore(zsetOf(x, k!)?.entries() ?? [], scoreBound(a!), scoreBound(b!)).length) },
  zlexcount: { arity: 4, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, a, b]) => int(byLex(zsetOf(x, k!)?.entries() ?? [], lexBound(a!), lexBound(b!)).length) },
  zpopmin: { arity: -2, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k, c]) => popMinMax(x, k!, false, c) },
  zpopmax: { arity: -2, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k, c]) => popMinMax(x, k!, true, c) },
  zremrangebyrank: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, a, b]) => removeEntries(x, k!, zrange(x, k!, a!, b!, { by: 'rank', rev: false, scores: false })),
  },
  zremrangebyscore: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, a, b]) => removeEntries(x, k!, zrange(x, k!, a!, b!, { by: 'score', rev: false, scores: false })),
  },
  zremrangebylex: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, a, b]) => removeEntries(x, k!, zrange(x, k!, a!, b!, { by: 'lex', rev: false, scores: false })),
  },
  zscan: {
    arity: -3,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, c, ...opts]) => {
      const cursor = parseCursor(c!);
      const z = zsetOf(x, k!);
      if (!z) return EMPTY_SCAN;
      const { match, count } = scanArgs(opts, false);
      const { page, next } = scanPage(z.entries(), cursor, count);
      const flat = page.filter((e) => !match || globMatch(match, e.member)).flatMap((e) => [e.member, formatDouble(e.score)]);
      return arr([bulk(String(next)), bulks(flat)]);
    },
  },
};
