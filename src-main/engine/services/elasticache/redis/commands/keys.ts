/** Keyspace commands: existence, types, renames, expiry, iteration. */
import { RedisError, NIL, OK, arr, bulk, bulks, int, simple, type Reply } from '../resp';
import type { Value } from '../keyspace';
import { SortedSet } from '../sorted-set';
import { Deque } from '../deque';
import { E_SYNTAX, globMatch, toInt, upper } from './parse';
import type { CommandTable, Exec } from './types';

function cloneValue(v: Value): Value {
  switch (v.type) {
    case 'string':
      return { type: 'string', v: v.v };
    case 'list':
      return { type: 'list', v: Deque.from(v.v.toArray()) };
    case 'hash':
      return { type: 'hash', v: new Map(v.v) };
    case 'set':
      return { type: 'set', v: new Set(v.v) };
    case 'zset': {
      const z = new SortedSet();
      for (const e of v.v.entries()) z.add(e.member, e.score);
      return { type: 'zset', v: z };
    }
  }
}

/** EXPIRE and friends: `unit` ms per argument unit, `absolute` for the *AT forms. */
function expire(name: string, unit: number, absolute: boolean) {
  return (x: Exec, [key, t, ...opts]: string[]): Reply => {
    const n = toInt(t!);
    let nx = false,
      xx = false,
      gt = false,
      lt = false;
    for (const o of opts) {
      const u = upper(o);
      if (u === 'NX') nx = true;
      else if (u === 'XX') xx = true;
      else if (u === 'GT') gt = true;
      else if (u === 'LT') lt = true;
      else throw new RedisError(`ERR Unsupported option ${o}`);
    }
    if (nx && (xx || gt || lt)) throw new RedisError('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (gt && lt) throw new RedisError('ERR GT and LT options at the same time are not compatible');
    const ms = n * unit;
    if (!Number.isSafeInteger(ms) || (!absolute && !Number.isSafeInteger(ms + x.server.now()))) {
      throw new RedisError(`ERR invalid expire time in '${name}' command`);
    }
    if (!x.db.has(key!)) return int(0);
    const at = absolute ? ms : x.server.now() + ms;
    const cur = x.db.ttlMs(key!);
    const curAt = cur === undefined ? undefined : x.server.now() + cur;
    if (nx && curAt !== undefined) return int(0);
    if (xx && curAt === undefined) return int(0);
    if (gt && (curAt === undefined || at <= curAt)) return int(0);
    if (lt && curAt !== undefined && at >= curAt) return int(0);
    if (at <= x.server.now()) {
      x.db.delete(key!);
      return int(1);
    }
    x.db.setExpireAt(key!, at);
    return int(1);
  };
}

function ttl(ms: boolean, absolute = false) {
  return (x: Exec, [key]: string[]): Reply => {
    if (!x.db.has(key!)) return int(-2);
    const left = x.db.ttlMs(key!);
    if (left === undefined) return int(-1);
    if (absolute) return int(ms ? x.server.now() + left : Math.round((x.server.now() + left) / 1000));
    return int(ms ? left : Math.round(left / 1000));
  };
}

function rename(nx: boolean) {
  return (x: Exec, [from, to]: string[]): Reply => {
    const v = x.db.get(from!);
    if (!v) throw new RedisError('ERR no such key');
    if (from === to) return nx ? int(0) : OK;
    if (nx && x.db.has(to!)) return int(0);
    const left = x.db.ttlMs(from!);
    x.db.delete(from!);
    x.db.set(to!, v);
    if (left !== undefined) x.db.setExpireAt(to!, x.server.now() + left);
    return nx ? int(1) : OK;
  };
}

/** SCAN-style iteration shared with HSCAN/SSCAN/ZSCAN: cursor = position in insertion order. */
export function scanArgs(opts: string[], withType: boolean): { match?: string; count: number; type?: string } {
  let match: string | undefined;
  let count = 10;
  let type: string | undefined;
  for (let i = 0; i < opts.length; i++) {
    const o = upper(opts[i]);
    if (i + 1 >= opts.length) throw new RedisError(E_SYNTAX);
    if (o === 'MATCH') match = opts[++i];
    else if (o === 'COUNT') {
      count = toInt(opts[++i]!);
      if (count < 1) throw new RedisError(E_SYNTAX);
    } else if (o === 'TYPE' && withType) type = opts[++i]!.toLowerCase();
    else throw new RedisError(E_SYNTAX);
  }
  return { match, count, type };
}

/** What the *SCAN commands answer for a missing key, before looking at their options (as Redis). */
export const EMPTY_SCAN: Reply = arr([bulk('0'), arr([])]);

export function parseCursor(s: string): number {
  if (!/^\d+$/.test(s)) throw new RedisError('ERR invalid cursor');
  return Number(s);
}

export function scanPage<T>(items: Iterable<T>, cursor: number, count: number): { page: T[]; next: number } {
  const page: T[] = [];
  let i = 0;
  for (const it of items) {
    if (i++ < cursor) continue;
    page.push(it);
    if (page.length >= count) return { page, next: i };
  }
  return { page, next: 0 };
}

export const keyCommands: CommandTable = {
  del: { arity: -2, flags: ['write'], keys: [1, -1, 1], run: (x, ks) => int(ks.filter((k) => x.db.delete(k)).length) },
  unlink: { arity: -2, flags: ['write', 'fast'], keys: [1, -1, 1], run: (x, ks) => int(ks.filter((k) => x.db.delete(k)).length) },
  exists: { arity: -2, flags: ['readonly', 'fast'], keys: [1, -1, 1], run: (x, ks) => int(ks.filter((k) => x.db.has(k)).length) },
  touch: { arity: -2, flags: ['readonly', 'fast'], keys: [1, -1, 1], run: (x, ks) => int(ks.filter((k) => x.db.has(k)).length) },
  type: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => simple(x.db.get(k!)?.type ?? 'none') },
  keys: { arity: 2, flags: ['readonly'], run: (x, [p]) => bulks(x.db.keys().filter((k) => globMatch(p!, k))) },
  randomkey: {
    arity: 1,
    flags: ['readonly'],
    run: (x) => {
      const ks = x.db.keys();
      return ks.length === 0 ? NIL : bulk(ks[Math.floor(Math.random() * ks.length)]);
    },
  },
  dbsize: { arity: 1, flags: ['readonly', 'fast'], run: (x) => int(x.db.size()) },
  scan: {
    arity: -2,
    flags: ['readonly'],
    run: (x, [c, ...opts]) => {
      const cursor = parseCursor(c!);
      const { match, count, type } = scanArgs(opts, true);
      const { page, next } = scanPage(x.db.keys(), cursor, count);
      const keep = page.filter((k) => (!match || globMatch(match, k)) && (!type || x.db.get(k)?.type === type));
      return arr([bulk(String(next)), bulks(keep)]);
    },
  },
  rename: { arity: 3, flags: ['write'], keys: [1, 2, 1], run: rename(false) },
  renamenx: { arity: 3, flags: ['write', 'fast'], keys: [1, 2, 1], run: rename(true) },
  copy: {
    arity: -3,
    flags: ['write'],
    keys: [1, 2, 1],
    run: (x, [from, to, ...opts]) => {
      let target = x.db;
      let replace = false;
      for (let i = 0; i < opts.length; i++) {
        const o = upper(opts[i]);
        if (o === 'REPLACE') replace = true;
        else if (o === 'DB' && i + 1 < opts.length) {
          const n = toInt(opts[++i]!);
          if (n < 0 || n >= x.server.dbs.length) throw new RedisError('ERR DB index is out of range');
          target = x.server.dbs[n]!;
        } else throw new RedisError(E_SYNTAX);
      }
      const v = x.db.get(from!);
      if (!v) return int(0);
      if (target === x.db && from === to) throw new RedisError('ERR source and destination objects are the same');
      if (target.has(to!) && !replace) return int(0);
      const left = x.db.ttlMs(from!);
      target.set(to!, cloneValue(v));
      if (left !== undefined) target.setExpireAt(to!, x.server.now() + left);
      return int(1);
    },
  },
  move: {
    arity: 3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, d]) => {
      const n = toInt(d!);
      if (n < 0 || n >= x.server.dbs.length) throw new RedisError('ERR DB index is out of range');
      const target = x.server.dbs[n]!;
      if (target === x.db) throw new RedisError('ERR source and destination objects are the same');
      const v = x.db.get(k!);
      if (!v || target.has(k!)) return int(0);
      const left = x.db.ttlMs(k!);
      x.db.delete(k!);
      target.set(k!, v);
      if (left !== undefined) target.setExpireAt(k!, x.server.now() + left);
      return int(1);
    },
  },
  expire: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: expire('expire', 1000, false) },
  pexpire: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: expire('pexpire', 1, false) },
  expireat: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: expire('expireat', 1000, true) },
  pexpireat: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: expire('pexpireat', 1, true) },
  ttl: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: ttl(false) },
  pttl: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: ttl(true) },
  expiretime: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: ttl(false, true) },
  pexpiretime: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: ttl(true, true) },
  persist: { arity: 2, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int(x.db.has(k!) && x.db.persist(k!)) },
  flushdb: {
    arity: -1,
    flags: ['write'],
    run: (x) => {
      x.db.flush();
      return OK;
    },
  },
  flushall: {
    arity: -1,
    flags: ['write'],
    run: (x) => {
      for (const db of x.server.dbs) db.flush();
      return OK;
    },
  },
};
