/** Evaluating parsed expressions against an item: conditions, SET/REMOVE/ADD/DELETE, projections. */
import { validation } from '../errors';
import {
  addNumbers,
  cloneItem,
  compareScalars,
  equalValues,
  toBytes,
  typeOf,
  valueSize,
  type AV,
  type Item,
} from '../values';
import type { Condition, Operand, Path, UpdateAction } from './ast';
import { pathText } from './ast';

/** The value at a document path, or undefined. */
export function resolvePath(item: Item | undefined, path: Path): AV | undefined {
  if (!item) return undefined;
  let cur: AV | undefined = item[path[0] as string];
  for (let i = 1; i < path.length && cur; i++) {
    const p = path[i]!;
    if (typeof p === 'number') cur = cur.L ? cur.L[p] : undefined;
    else cur = cur.M ? cur.M[p] : undefined;
  }
  return cur;
}

function operandValue(item: Item | undefined, o: Operand): AV | undefined {
  switch (o.kind) {
    case 'value':
      return o.value;
    case 'path':
      return resolvePath(item, o.path);
    case 'size': {
      const v = resolvePath(item, o.path);
      if (!v) return undefined;
      const t = typeOf(v);
      let n: number | undefined;
      if (t === 'S') n = Buffer.byteLength(v.S!);
      else if (t === 'B') n = toBytes(v.B!).length;
      else if (t === 'SS' || t === 'NS' || t === 'BS' || t === 'L') n = (v[t] as unknown[]).length;
      else if (t === 'M') n = Object.keys(v.M!).length;
      return n === undefined ? undefined : { N: String(n) };
    }
    default:
      return undefined;
  }
}

function contains(hay: AV, needle: AV): boolean {
  const t = typeOf(hay);
  if (t === 'S') return needle.S !== undefined && hay.S!.includes(needle.S);
  if (t === 'B') return needle.B !== undefined && toBytes(hay.B!).includes(toBytes(needle.B));
  if (t === 'SS') return needle.S !== undefined && hay.SS!.includes(needle.S);
  if (t === 'NS') return needle.N !== undefined && hay.NS!.some((n) => equalValues({ N: n }, needle));
  if (t === 'BS') return needle.B !== undefined && hay.BS!.some((b) => equalValues({ B: b }, needle));
  if (t === 'L') return hay.L!.some((e) => equalValues(e, needle));
  return false;
}

export function evalCondition(item: Item | undefined, c: Condition): boolean {
  switch (c.kind) {
    case 'and':
      return evalCondition(item, c.a) && evalCondition(item, c.b);
    case 'or':
      return evalCondition(item, c.a) || evalCondition(item, c.b);
    case 'not':
      return !evalCondition(item, c.a);
    case 'compare': {
      const a = operandValue(item, c.a);
      const b = operandValue(item, c.b);
      if (c.op === '=') return equalValues(a, b);
      if (c.op === '<>') return !!a && !!b ? !equalValues(a, b) : a !== b;
      if (!a || !b) return false;
      const r = compareScalars(a, b);
      if (r === undefined) return false;
      return c.op === '<' ? r < 0 : c.op === '<=' ? r <= 0 : c.op === '>' ? r > 0 : r >= 0;
    }
    case 'between': {
      const a = operandValue(item, c.a);
      const lo = operandValue(item, c.lo);
      const hi = operandValue(item, c.hi);
      if (!a || !lo || !hi) return false;
      const x = compareScalars(a, lo);
      const y = compareScalars(a, hi);
      return x !== undefined && y !== undefined && x >= 0 && y <= 0;
    }
    case 'in': {
      const a = operandValue(item, c.a);
      return !!a && c.list.some((o) => equalValues(a, operandValue(item, o)));
    }
    case 'function': {
      const [x, y] = c.args;
      switch (c.name) {
        case 'attribute_exists':
          return operandValue(item, x!) !== undefined;
        case 'attribute_not_exists':
          return operandValue(item, x!) === undefined;
        case 'attribute_type': {
          const v = operandValue(item, x!);
          const t = operandValue(item, y!);
          return !!v && !!t && typeOf(v) === t.S;
        }
        case 'begins_with': {
          const v = operandValue(item, x!);
          const p = operandValue(item, y!);
          if (!v || !p) return false;
          if (v.S !== undefined && p.S !== undefined) return v.S.startsWith(p.S);
          if (v.B !== undefined && p.B !== undefined) {
            const vb = toBytes(v.B);
            const pb = toBytes(p.B);
            return vb.subarray(0, pb.length).equals(pb);
          }
          return false;
        }
        case 'contains': {
          const v = operandValue(item, x!);
          const n = operandValue(item, y!);
          return !!v && !!n && contains(v, n);
        }
      }
    }
  }
  return false;
}

// ---- updates ----

function setValue(item: Item, o: Operand): AV {
  switch (o.kind) {
    case 'if_not_exists':
      return resolvePath(item, o.path) ?? setValue(item, o.fallback);
    case 'list_append': {
      const a = setValue(item, o.a);
      const b = setValue(item, o.b);
      if (!a.L || !b.L) {
        const bad = a.L ? b : a;
        throw validation(`An operand in the update expression has an incorrect data type`);
        void bad;
      }
      return { L: [...a.L, ...b.L] };
    }
    case 'arith': {
      const a = setValue(item, o.a);
      const b = setValue(item, o.b);
      if (a.N === undefined || b.N === undefined)
        throw validation('An operand in the update expression has an incorrect data type');
      return { N: addNumbers(a.N, b.N, o.op === '-') };
    }
    default: {
      const v = operandValue(item, o);
      if (!v) throw validation(`The provided expression refers to an attribute that does not exist in the item`);
      return v;
    }
  }
}

/** Finds the container of the path's last element, creating nothing. */
function parentOf(item: Item, path: Path): { get(): AV | undefined; set(v: AV): void; remove(): void } | undefined {
  if (path.length === 1) {
    const k = path[0] as string;
    return {
      get: () => item[k],
      set: (v) => (item[k] = v),
      remove: () => delete item[k],
    };
  }
  const parent = resolvePath(item, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (!parent) return undefined;
  if (typeof last === 'number') {
    if (!parent.L) return undefined;
    const l = parent.L;
    return {
      get: () => l[last],
      set: (v) => {
        if (last >= l.length) l.push(v);
        else l[last] = v;
      },
      remove: () => {
        if (last < l.length) l.splice(last, 1);
      },
    };
  }
  if (!parent.M) return undefined;
  const m = parent.M;
  return { get: () => m[last], set: (v) => (m[last] = v), remove: () => delete m[last] };
}

const invalidPath = () => validation('The document path provided in the update expression is invalid for update');

/** Applies the actions to a copy of the item, in SET, REMOVE, ADD, DELETE order as DynamoDB does. */
export function applyUpdate(old: Item | undefined, actions: UpdateAction[]): Item {
  const item = cloneItem(old ?? {});
  // Right-hand sides see the item as it was before the update.
  const before = cloneItem(item);
  const sets = actions.filter((a) => a.kind === 'SET').map((a) => ({ a, v: setValue(before, a.value!) }));
  for (const { a, v } of sets) {
    const slot = parentOf(item, a.path);
    if (!slot) throw invalidPath();
    slot.set(v);
  }
  // Removing list elements by index goes from the highest index down so indexes stay valid.
  const removes = actions
    .filter((a) => a.kind === 'REMOVE')
    .sort((x, y) => {
      const a = x.path[x.path.length - 1];
      const b = y.path[y.path.length - 1];
      return typeof a === 'number' && typeof b === 'number' ? b - a : 0;
    });
  for (const a of removes) parentOf(item, a.path)?.remove();
  for (const a of actions) {
    if (a.kind !== 'ADD' && a.kind !== 'DELETE') continue;
    const v = (a.value as { value: AV }).value;
    const slot = parentOf(item, a.path);
    if (!slot) throw invalidPath();
    const cur = slot.get();
    const t = typeOf(v);
    if (a.kind === 'ADD') {
      if (!cur) slot.set(v);
      else if (t === 'N' && cur.N !== undefined) slot.set({ N: addNumbers(cur.N, v.N!) });
      else if ((t === 'SS' || t === 'NS' || t === 'BS') && cur[t])
        slot.set({ [t]: union(cur[t] as string[], v[t] as string[], t) } as AV);
      else throw validation('An operand in the update expression has an incorrect data type');
    } else {
      if (!cur) continue;
      if (!cur[t as 'SS']) throw validation('An operand in the update expression has an incorrect data type');
      const rest = difference(cur[t as 'SS'] as string[], v[t as 'SS'] as string[], t);
      if (rest.length) slot.set({ [t]: rest } as AV);
      else slot.remove();
    }
  }
  return item;
}

const setKey = (x: string, t: string): string =>
  t === 'NS' ? String(Number(x)) + '|' + x : t === 'BS' ? toBytes(x).toString('hex') : x;
function union(a: string[], b: string[], t: string): string[] {
  const out = [...a];
  for (const x of b)
    if (!a.some((y) => (t === 'NS' ? equalValues({ N: x }, { N: y }) : setKey(x, t) === setKey(y, t)))) out.push(x);
  return out;
}
function difference(a: string[], b: string[], t: string): string[] {
  return a.filter(
    (x) => !b.some((y) => (t === 'NS' ? equalValues({ N: x }, { N: y }) : setKey(x, t) === setKey(y, t))),
  );
}

/** Names the top-level attributes an update changed (UPDATED_OLD / UPDATED_NEW). */
export const updatedTopNames = (actions: UpdateAction[]): string[] => [
  ...new Set(actions.map((a) => a.path[0] as string)),
];

// ---- projections ----

export function project(item: Item, paths: Path[]): Item {
  const out: Item = {};
  for (const path of paths) {
    const v = resolvePath(item, path);
    if (v === undefined) continue;
    if (path.length === 1) {
      out[path[0] as string] = v;
      continue;
    }
    // Nested paths keep their shape; list elements are compacted as DynamoDB does.
    let src: AV = item[path[0] as string]!;
    let dst: AV = (out[path[0] as string] ??= src.L ? { L: [] } : { M: {} });
    for (let i = 1; i < path.length; i++) {
      const p = path[i]!;
      const last = i === path.length - 1;
      if (typeof p === 'number') {
        src = src.L![p]!;
        const next: AV = last ? src : src.L ? { L: [] } : { M: {} };
        dst.L!.push(next);
        dst = next;
      } else {
        src = src.M![p]!;
        const existing = dst.M![p];
        const next: AV = last ? src : (existing ?? (src.L ? { L: [] } : { M: {} }));
        dst.M![p] = next;
        dst = next;
      }
    }
  }
  return out;
}

export { pathText, valueSize };
