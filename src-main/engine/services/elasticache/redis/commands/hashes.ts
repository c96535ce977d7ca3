/** Hash commands. */
import { RedisError, OK, arr, bulk, bulks, int, map, type Reply } from '../resp';
import { globMatch, inInt64, toBigInt, toFloat } from './parse';
import { EMPTY_SCAN, parseCursor, scanArgs, scanPage } from './keys';
import type { CommandTable, Exec } from './types';

const fieldsOf = (x: Exec, k: string) => x.db.getTyped(k, 'hash')?.v;

function hset(x: Exec, [k, ...fv]: string[], name: string): number {
  if (fv.length === 0 || fv.length % 2 !== 0) throw new RedisError(`ERR wrong number of arguments for '${name}' command`);
  const h = x.db.getOrCreate(k!, 'hash');
  let added = 0;
  for (let i = 0; i < fv.length; i += 2) {
    if (!h.v.has(fv[i]!)) added++;
    h.v.set(fv[i]!, fv[i + 1]!);
  }
  x.db.touch(k!);
  return added;
}

export const hashCommands: CommandTable = {
  hset: { arity: -4, flags: ['write', 'fast'], keys: [1, 1, 1], run: (x, a) => int(hset(x, a, 'hset')) },
  hmset: {
    arity: -4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, a) => {
      hset(x, a, 'hmset');
      return OK;
    },
  },
  hsetnx: {
    arity: 4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, f, v]) => {
      if (fieldsOf(x, k!)?.has(f!)) return int(0);
      return int(hset(x, [k!, f!, v!], 'hsetnx'));
    },
  },
  hget: { arity: 3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, f]) => bulk(fieldsOf(x, k!)?.get(f!)) },
  hmget: { arity: -3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, ...fs]) => bulks(fs.map((f) => fieldsOf(x, k!)?.get(f) ?? null)) },
  hgetall: {
    arity: 2,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k]) => map([...(fieldsOf(x, k!) ?? new Map<string, string>())].map(([f, v]) => [bulk(f), bulk(v)] as [Reply, Reply])),
  },
  hkeys: { arity: 2, flags: ['readonly'], keys: [1, 1, 1], run: (x, [k]) => bulks([...(fieldsOf(x, k!)?.keys() ?? [])]) },
  hvals: { arity: 2, flags: ['readonly'], keys: [1, 1, 1], run: (x, [k]) => bulks([...(fieldsOf(x, k!)?.values() ?? [])]) },
  hlen: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int(fieldsOf(x, k!)?.size ?? 0) },
  hstrlen: { arity: 3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, f]) => int(fieldsOf(x, k!)?.get(f!)?.length ?? 0) },
  hexists: { arity: 3, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k, f]) => int(fieldsOf(x, k!)?.has(f!) ?? false) },
  hdel: {
    arity: -3,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, ...fs]) => {
      const h = fieldsOf(x, k!);
      if (!h) return int(0);
      const n = fs.filter((f) => h.delete(f)).length;
      if (n) x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return int(n);
    },
  },
  hincrby: {
    arity: 4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, f, by]) => {
      const inc = toBigInt(by!);
      const h = x.db.getOrCreate(k!, 'hash');
      const cur = h.v.get(f!);
      const n = cur === undefined ? 0n : toBigInt(cur, 'ERR hash value is not an integer');
      const next = n + inc;
      if (!inInt64(next)) throw new RedisError('ERR increment or decrement would overflow');
      h.v.set(f!, next.toString());
      x.db.touch(k!);
      return int(Number(next));
    },
  },
  hincrbyfloat: {
    arity: 4,
    flags: ['write', 'fast'],
    keys: [1, 1, 1],
    run: (x, [k, f, by]) => {
      const inc = toFloat(by!);
      const h = x.db.getOrCreate(k!, 'hash');
      const cur = h.v.get(f!);
      const next = (cur === undefined ? 0 : toFloat(cur, 'ERR hash value is not a float')) + inc;
      if (!Number.isFinite(next)) throw new RedisError('ERR increment would produce NaN or Infinity');
      const text = Number.isInteger(next) ? String(next) : String(next);
      h.v.set(f!, text);
      x.db.touch(k!);
      return bulk(text);
    },
  },
  hscan: {
    arity: -3,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, c, ...opts]) => {
      const cursor = parseCursor(c!);
      const h = fieldsOf(x, k!);
      if (!h) return EMPTY_SCAN;
      const { match, count } = scanArgs(opts, false);
      const { page, next } = scanPage(h, cursor, count);
      const flat = page.filter(([f]) => !match || globMatch(match, f)).flatMap(([f, v]) => [f, v]);
      return arr([bulk(String(next)), bulks(flat)]);
    },
  },
};
