/** List commands (the blocking forms live in blocking.ts). */
import { RedisError, NIL, NIL_ARRAY, OK, bulk, bulks, int, type Reply } from '../resp';
import { E_SYNTAX, clampRange, toInt, upper } from './parse';
import type { CommandTable, Exec } from './types';

function push(left: boolean, onlyExisting: boolean) {
  return (x: Exec, [key, ...vals]: string[]): Reply => {
    if (onlyExisting && !x.db.getTyped(key!, 'list')) return int(0);
    const l = x.db.getOrCreate(key!, 'list');
    if (left) for (const v of vals) l.v.pushFront(v);
    else for (const v of vals) l.v.pushBack(v);
    x.db.touch(key!);
    x.server.wakeList?.(x.client.dbIndex, key!);
    return int(l.v.length);
  };
}

function pop(left: boolean) {
  return (x: Exec, [key, countArg]: string[]): Reply => {
    let count: number | undefined;
    if (countArg !== undefined) {
      count = toInt(countArg, 'ERR value is out of range, must be positive');
      if (count < 0) throw new RedisError('ERR value is out of range, must be positive');
    }
    const l = x.db.getTyped(key!, 'list');
    if (!l) return count === undefined ? NIL : NIL_ARRAY;
    const n = Math.min(count ?? 1, l.v.length);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((left ? l.v.popFront() : l.v.popBack())!);
    x.db.touch(key!);
    x.db.dropIfEmpty(key!);
    return count === undefined ? bulk(out[0]) : bulks(out);
  };
}

/** LMOVE's core, shared with RPOPLPUSH and the blocking forms. */
export function move(x: Exec, src: string, dst: string, fromLeft: boolean, toLeft: boolean): string | undefined {
  const s = x.db.getTyped(src, 'list');
  x.db.getTyped(dst, 'list'); // WRONGTYPE before anything moves
  if (!s) return undefined;
  const v = (fromLeft ? s.v.popFront() : s.v.popBack())!;
  x.db.touch(src);
  x.db.dropIfEmpty(src);
  const target = x.db.getOrCreate(dst, 'list');
  if (toLeft) target.v.pushFront(v);
  else target.v.pushBack(v);
  x.db.touch(dst);
  x.server.wakeList?.(x.client.dbIndex, dst);
  return v;
}

export function side(s: string | undefined): boolean {
  const u = upper(s);
  if (u === 'LEFT') return true;
  if (u === 'RIGHT') return false;
  throw new RedisError(E_SYNTAX);
}

export const listCommands: CommandTable = {
  lpush: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: push(true, false) },
  rpush: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: push(false, false) },
  lpushx: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: push(true, true) },
  rpushx: { arity: -3, flags: ['write', 'fast'], keys: [1, 1, 1], run: push(false, true) },
  lpop: { arity: -2, flags: ['write', 'fast'], keys: [1, 1, 1], run: pop(true) },
  rpop: { arity: -2, flags: ['write', 'fast'], keys: [1, 1, 1], run: pop(false) },
  llen: { arity: 2, flags: ['readonly', 'fast'], keys: [1, 1, 1], run: (x, [k]) => int(x.db.getTyped(k!, 'list')?.v.length ?? 0) },
  lrange: {
    arity: 4,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, s, e]) => {
      const start = toInt(s!);
      const stop = toInt(e!);
      const l = x.db.getTyped(k!, 'list')?.v;
      const r = l && clampRange(start, stop, l.length);
      return bulks(r ? l.range(r[0], r[1]) : []);
    },
  },
  lindex: {
    arity: 3,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, i]) => {
      let idx = toInt(i!);
      const l = x.db.getTyped(k!, 'list')?.v;
      if (!l) return bulk(null);
      if (idx < 0) idx += l.length;
      return bulk(idx >= 0 && idx < l.length ? l.at(idx) : null);
    },
  },
  lset: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, i, v]) => {
      let idx = toInt(i!);
      const l = x.db.getTyped(k!, 'list');
      if (!l) throw new RedisError('ERR no such key');
      if (idx < 0) idx += l.v.length;
      if (idx < 0 || idx >= l.v.length) throw new RedisError('ERR index out of range');
      l.v.set(idx, v!);
      x.db.touch(k!);
      return OK;
    },
  },
  lrem: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, c, v]) => {
      const count = toInt(c!);
      const l = x.db.getTyped(k!, 'list');
      if (!l) return int(0);
      const items = l.v.toArray();
      let removed = 0;
      if (count >= 0) {
        for (let i = 0; i < items.length && (count === 0 || removed < count); ) {
          if (items[i] === v) {
            items.splice(i, 1);
            removed++;
          } else i++;
        }
      } else {
        for (let i = items.length - 1; i >= 0 && removed < -count; i--) {
          if (items[i] === v) {
            items.splice(i, 1);
            removed++;
          }
        }
      }
      l.v.replace(items);
      if (removed) x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return int(removed);
    },
  },
  ltrim: {
    arity: 4,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, s, e]) => {
      const start = toInt(s!);
      const stop = toInt(e!);
      const l = x.db.getTyped(k!, 'list');
      if (!l) return OK;
      const r = clampRange(start, stop, l.v.length);
      l.v.replace(r ? l.v.range(r[0], r[1]) : []);
      x.db.touch(k!);
      x.db.dropIfEmpty(k!);
      return OK;
    },
  },
  linsert: {
    arity: 5,
    flags: ['write'],
    keys: [1, 1, 1],
    run: (x, [k, where, pivot, v]) => {
      const w = upper(where);
      if (w !== 'BEFORE' && w !== 'AFTER') throw new RedisError(E_SYNTAX);
      const l = x.db.getTyped(k!, 'list');
      if (!l) return int(0);
      const items = l.v.toArray();
      const i = items.indexOf(pivot!);
      if (i < 0) return int(-1);
      items.splice(w === 'BEFORE' ? i : i + 1, 0, v!);
      l.v.replace(items);
      x.db.touch(k!);
      return int(l.v.length);
    },
  },
  lpos: {
    arity: -3,
    flags: ['readonly'],
    keys: [1, 1, 1],
    run: (x, [k, v, ...opts]) => {
      let rank = 1;
      let count: number | undefined;
      let maxlen = 0;
      for (let i = 0; i < opts.length; i++) {
        const o = upper(opts[i]);
        if (i + 1 >= opts.length) throw new RedisError(E_SYNTAX);
        const n = toInt(opts[++i]!);
        if (o === 'RANK') {
          if (n === 0) throw new RedisError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
          rank = n;
        } else if (o === 'COUNT') {
          if (n < 0) throw new RedisError("ERR COUNT can't be negative");
          count = n;
        } else if (o === 'MAXLEN') {
          if (n < 0) throw new RedisError("ERR MAXLEN can't be negative");
          maxlen = n;
        } else throw new RedisError(E_SYNTAX);
      }
      const l = x.db.getTyped(k!, 'list')?.v.toArray() ?? [];
      const found: number[] = [];
      let skip = Math.abs(rank) - 1;
      const want = count === undefined ? 1 : count === 0 ? Infinity : count;
      for (let step = 0; step < l.length && found.length < want && (maxlen === 0 || step < maxlen); step++) {
        const i = rank > 0 ? step : l.length - 1 - step;
        if (l[i] === v) {
          if (skip > 0) skip--;
          else found.push(i);
        }
      }
      if (count === undefined) return found.length ? int(found[0]!) : NIL;
      return { t: 'arr', a: found.map((n) => int(n)) };
    },
  },
  rpoplpush: { arity: 3, flags: ['write'], keys: [1, 2, 1], run: (x, [s, d]) => bulk(move(x, s!, d!, false, true)) },
  lmove: { arity: 5, flags: ['write'], keys: [1, 2, 1], run: (x, [s, d, a, b]) => bulk(move(x, s!, d!, side(a), side(b))) },
};
