/**
 * Console input → the model's in-memory form, so a handler sees the same values whether a call came
 * from the wire or from the console: base64 strings in blob members become Buffers, ISO 8601
 * strings in timestamp members become Dates. Walks only shapes that can hold either; everything
 * else passes through untouched (and a bad value is left for the model validator to report).
 */
import type { Shape } from '../models/types';

const convertible = new WeakMap<Shape, boolean>();

/** Whether a blob or timestamp can occur under this shape (memoized; cycles count as "no"). */
function needsConversion(shape: Shape | undefined, seen = new Set<Shape>()): boolean {
  if (!shape) return false;
  const known = convertible.get(shape);
  if (known !== undefined) return known;
  if (seen.has(shape)) return false;
  seen.add(shape);
  let result: boolean;
  switch (shape.type) {
    case 'blob':
    case 'timestamp':
      result = true;
      break;
    case 'structure':
      result = Object.values(shape.members ?? {}).some((m) => needsConversion(m, seen));
      break;
    case 'list':
      result = needsConversion(shape.member, seen);
      break;
    case 'map':
      result = needsConversion(shape.value, seen);
      break;
    default:
      result = false;
  }
  convertible.set(shape, result);
  return result;
}

function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
}

export function fromJson(shape: Shape | undefined, value: unknown): unknown {
  if (!shape || value === null || value === undefined || !needsConversion(shape)) return value;
  if (shape.type === 'blob') return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
  if (shape.type === 'timestamp') return toDate(value);
  if (shape.type === 'list') return Array.isArray(value) ? value.map((v) => fromJson(shape.member, v)) : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  // Null prototype: keys are user data (S3 metadata, tags), and '__proto__' must stay a plain key.
  const out: Record<string, unknown> = Object.assign(Object.create(null), value);
  if (shape.type === 'structure') {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (Object.hasOwn(out, name)) out[name] = fromJson(member, out[name]);
    }
  } else if (shape.type === 'map') {
    for (const key of Object.keys(out)) out[key] = fromJson(shape.value, out[key]);
  }
  return out;
}
