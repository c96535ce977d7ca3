/** String commands. */
import { RedisError, NIL, OK, bulk, bulks, int, type Reply } from '../resp';
import type { Keyspace } from '../keyspace';
import { E_SYNTAX, inInt64, toBigInt, toFloat, toInt, upper, clampRange } from './parse';
import type { CommandTable, Exec } from './types';

const MAX_STRING = 512 * 1024 * 1024;

function getString(db: Keyspace, key: string): string | undefined {
  return db.getTyped(key, 'string')?.v;
}

function hitOrMiss(x: Exec, v: unknown): void {
  if (v === undefined) x.server.stats.misses++;
  else x.server.stats.hits++;
}

/** SET's options; shared by SET and its older siblings. */
function doSet(x: Exec, args: string[]): Reply {
  const [key, value] = args as [string, string];
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let expireAt: number | undefined;
  for (let i = 2; i < args.length; i++) {
    const opt = upper(args[i]);
    const unit = { EX: 1000, PX: 1, EXAT: -1000, PXAT: -1 }[opt as 'EX'];
    if (opt === 'NX' && !xx) nx = true;
    else if (opt === 'XX' && !nx) xx = true;
    else if (opt === 'GET') get = true;
    else if (opt === 'KEEPTTL' && expireAt === undefined) keepTtl = true;
    else if (unit !== undefined && !keepTtl && expireAt === undefined && i + 1 < args.length) {
      const n = toInt(args[++i]!);
      if (n <= 0 || Math.abs(n * unit) > 8.64e15) throw new RedisError("ERR invalid expire time in 'set' command");
      expireAt = unit > 0 ? x.server.now() + n * unit : n * -unit;
    } else throw new RedisError(E_SYNTAX);
  }
  let old: string | undefined;
  if (get) old = getString(x.db, key);
  const exists = x.db.has(key);
  if ((nx && exists) || (xx && !exists)) return get ? bulk(old) : NIL;
  x.db.set(key, { type: 'string', v: value }, keepTtl);
  if (expireAt !== undefined) x.db.setExpireAt(key, expireAt);
  return get ? bulk(old) : OK;
}

function incrBy(x: Exec, key: string, by: bigint): Reply {
  const cur = getString(x.db, key);
  // Fast path: small decimal integers stay in doubles, exactly (well inside 2^53).
  if ((cur === undefined || (cur.length < 15 && /^(-?[1-9][0-9]*|0)$/.test(cur))) && by < 1_000_000_000_000n && by > -1_000_000_000_000n) {
    const next = (cur === undefined ? 0 : Number(cur)) + Number(by);
    x.db.set(key, { type: 'string', v: String(next) }, true);
    return { t: 'int', n: next };
  }
  const n = cur === undefined ? 0n : toBigInt(cur);
  const next = n + by;
  if (!inInt64(next)) throw new RedisError('ERR increment or decrement would overflow');
  x.db.set(key, { type: 'string', v: next.toString() }, true);
  return { t: 'int', n: Number(next) };
}

export const stringCommands: CommandTable = {
  get: {
    arity: 2,
    flags: ['readonly', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k]) => {
      const v = getString(x.db, k!);
      hitOrMiss(x, v);
      return bulk(v);
    },
  },
  set: { arity: -3, flags: ['write'], keys: [1, 1, 1], run: doSet },
  setnx: { arity: 3, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k, v]) => int(doSet(x, [k!, v!, 'NX']) === OK) },
  setex: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, s, v]) => {
      const n = toInt(s!);
      if (n <= 0) throw new RedisError("ERR invalid expire time in 'setex' command");
      return doSet(x, [k!, v!, 'EX', s!]);
    },
  },
  psetex: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, ms, v]) => {
      const n = toInt(ms!);
      if (n <= 0) throw new RedisError("ERR invalid expire time in 'psetex' command");
      return doSet(x, [k!, v!, 'PX', ms!]);
    },
  },
  getset: { arity: 3, flags: ['write'], keys: [1, 1, 1], run: (x, [k, v]) => doSet(x, [k!, v!, 'GET']) },
  getdel: {
    arity: 2,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k]) => {
      const v = getString(x.db, k!);
      if (v !== undefined) x.db.delete(k!);
      return bulk(v);
    },
  },
  getex: {
    arity: -2,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...opts]) => {
      const v = getString(x.db, k!);
      let at: number | undefined;
      let persist = false;
      for (let i = 0; i < opts.length; i++) {
        const o = upper(opts[i]);
        const unit = { EX: 1000, PX: 1, EXAT: -1000, PXAT: -1 }[o as 'EX'];
        if (o === 'PERSIST' && at === undefined) persist = true;
        else if (unit !== undefined && !persist && at === undefined && i + 1 < opts.length) {
          const n = toInt(opts[++i]!);
          if (n <= 0) throw new RedisError("ERR invalid expire time in 'getex' command");
          at = unit > 0 ? x.server.now() + n * unit : n * -unit;
        } else throw new RedisError(E_SYNTAX);
      }
      if (v !== undefined) {
        if (at !== undefined) x.db.setExpireAt(k!, at);
        if (persist) x.db.persist(k!);
      }
      return bulk(v);
    },
  },
  mget: { arity: -2, flags: ['readonly', 'fast'], keys: [1, -1, 1], run: (x, ks) => bulks(ks.map((k) => x.db.get(k)?.type === 'string' ? getString(x.db, k)! : null)) },
  mset: {
    arity: -3,
    flags: ['write'],
    keys: [1, -1, 2],
    run: (x, a) => {
      if (a.length % 2 !== 0) throw new RedisError("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < a.length; i += 2) x.db.set(a[i]!, { type: 'string', v: a[i + 1]! });
      return OK;
    },
  },
  msetnx: {
    arity: -3,
    flags: ['write'],
    keys: [1, -1, 2],
    run: (x, a) => {
      if (a.length % 2 !== 0) throw new RedisError("ERR wrong number of arguments for 'msetnx' command");
      for (let i = 0; i < a.length; i += 2) if (x.db.has(a[i]!)) return int(0);
      for (let i = 0; i < a.length; i += 2) x.db.set(a[i]!, { type: 'string', v: a[i + 1]! });
      return int(1);
    },
  },
  append: {
    arity: 3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, v]) => {
      const cur = getString(x.db, k!) ?? '';
      if (cur.length + v!.length > MAX_STRING) throw new RedisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
      x.db.set(k!, { type: 'string', v: cur + v! }, true);
      return int(cur.length + v!.length);
    },
  },
  strlen: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int((getString(x.db, k!) ?? '').length) },
  incr: { arity: 2, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k]) => incrBy(x, k!, 1n) },
  decr: { arity: 2, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k]) => incrBy(x, k!, -1n) },
  incrby: { arity: 3, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k, n]) => incrBy(x, k!, toBigInt(n!)) },
  decrby: {
    arity: 3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, n]) => {
      const by = toBigInt(n!);
      if (by === -9223372036854775808n) throw new RedisError('ERR decrement would overflow');
      return incrBy(x, k!, -by);
    },
  },
  incrbyfloat: {
    arity: 3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, n]) => {
      const cur = getString(x.db, k!);
      const base = cur === undefined ? 0 : toFloat(cur);
      const next = base + toFloat(n!);
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const text = formatLongDouble(next);
      x.db.set(k!, { type: 'string', v: text }, true);
      return bulk(text);
    },
  },
  getrange: {
    arity: 4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, s, e]) => {
      const start = toInt(s!);
      const end = toInt(e!);
      const v = getString(x.db, k!) ?? '';
      if (start < 0 && end < 0 && start > end) return bulk('');
      const r = clampRange(start, end, v.length);
      return bulk(r ? v.slice(r[0], r[1] + 1) : '');
    },
  },
  setrange: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, o, v]) => {
      const offset = toInt(o!);
      if (offset < 0) throw new RedisError('ERR offset is out of range');
      const cur = getString(x.db, k!);
      if (v!.length === 0) return int((cur ?? '').length);
      if (offset + v!.length > MAX_STRING) throw new RedisError('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
      const base = (cur ?? '').padEnd(offset, '\0');
      const next = base.slice(0, offset) + v! + base.slice(offset + v!.length);
      x.db.set(k!, { type: 'string', v: next }, true);
      return int(next.length);
    },
  },
  lcs: {
    arity: -3,
    flags: ['readonly'],
    keys: [1, 2, 1],
    run: (x, [a, b, ...opts]) => {
      const s1 = getString(x.db, a!) ?? '';
      const s2 = getString(x.db, b!) ?? '';
      const dp: number[][] = Array.from({ length: s1.length + 1 }, () => new Array<number>(s2.length + 1).fill(0));
      for (let i = 1; i <= s1.length; i++) for (let j = 1; j <= s2.length; j++) dp[i]![j] = s1[i - 1] === s2[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
      if (opts.some((o) => upper(o) === 'LEN')) return int(dp[s1.length]![s2.length]!);
      let out = '';
      for (let i = s1.length, j = s2.length; i > 0 && j > 0; ) {
        if (s1[i - 1] === s2[j - 1]) {
          out = s1[i - 1] + out;
          i--;
          j--;
        } else if (dp[i - 1]![j]! >= dp[i]![j - 1]!) i--;
        else j--;
      }
      return bulk(out);
    },
  },
};

/** INCRBYFLOAT's output: %.17Lg with trailing zeros removed, never exponent form for ordinary values. */
function formatLongDouble(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

