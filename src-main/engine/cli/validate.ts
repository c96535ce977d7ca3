/**
 * botocore's client-side ParamValidator, with its wording: every problem in the input is reported
 * at once under "Parameter validation failed:". Then the values are converted to what the protocol
 * parsers hand the dispatcher: Date for timestamps, Buffer for blobs.
 */
import type { Shape } from '../models/types';
import { ParamValidationError } from './errors';
import { isPyFloat, pyRepr, pyTypeName } from './pyformat';

const VALID_TYPES: Record<string, string[]> = {
  string: ["<class 'str'>"],
  character: ["<class 'str'>"],
  integer: ["<class 'int'>"],
  long: ["<class 'int'>"],
  boolean: ["<class 'bool'>"],
  float: ["<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"],
  double: ["<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"],
  list: ["<class 'list'>", "<class 'tuple'>"],
  structure: ["<class 'dict'>"],
  map: ["<class 'dict'>"],
  timestamp: ["<class 'datetime.datetime'>", 'timestamp string'],
  blob: ["<class 'bytes'>", "<class 'bytearray'>", 'file-like object'],
};

const isDict = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v) && !(v instanceof Date) && !(v instanceof Number);

function typeOk(shape: Shape, v: unknown): boolean {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return isDict(v);
    case 'list':
      return Array.isArray(v);
    case 'integer':
    case 'long':
      return typeof v === 'number' && Number.isInteger(v) && !isPyFloat(v);
    case 'float':
    case 'double':
      return typeof v === 'number' || isPyFloat(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamp':
      return v instanceof Date || typeof v === 'number' || (typeof v === 'string' && parseTimestampInput(v) !== undefined);
    case 'blob':
      return typeof v === 'string' || Buffer.isBuffer(v) || v instanceof Uint8Array;
    default:
      return typeof v === 'string';
  }
}

/** dateutil-ish: ISO 8601 (with or without zone: UTC assumed), or epoch seconds. */
export function parseTimestampInput(v: string | number): Date | undefined {
  if (typeof v === 'number') return new Date(v * 1000);
  const t = v.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return new Date(Number(t) * 1000);
  const noZone = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(t);
  const d = new Date(noZone ? (t.includes('T') ? `${t}Z` : `${t}T00:00:00Z`) : t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function check(shape: Shape, v: unknown, name: string, errors: string[]): void {
  if (!typeOk(shape, v)) {
    errors.push(`Invalid type for parameter ${name}, value: ${pyRepr(v)}, type: ${pyTypeName(v)}, valid types: ${(VALID_TYPES[shape.type ?? 'string'] ?? VALID_TYPES.string!).join(', ')}`);
    return;
  }
  if (shape.type === 'structure') {
    const obj = v as Record<string, unknown>;
    const members = shape.members ?? {};
    for (const req of shape.required ?? []) if (obj[req] === undefined || obj[req] === null) errors.push(`Missing required parameter in ${name}: "${req}"`);
    const known: string[] = [];
    for (const key of Object.keys(obj)) {
      if (!(key in members)) errors.push(`Unknown parameter in ${name}: "${key}", must be one of: ${Object.keys(members).join(', ')}`);
      else known.push(key);
    }
    for (const key of known) if (obj[key] !== undefined && obj[key] !== null) check(members[key]!, obj[key], name === 'input' ? key : `${name}.${key}`, errors);
  } else if (shape.type === 'list') {
    (v as unknown[]).forEach((item, i) => check(shape.member!, item, `${name}[${i}]`, errors));
  } else if (shape.type === 'map') {
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) check(shape.value!, item, `${name}.${k}`, errors);
  }
}

export function validateParams(shape: Shape | undefined, params: Record<string, unknown>): void {
  if (!shape) return;
  const errors: string[] = [];
  check(shape, params, 'input', errors);
  if (errors.length > 0) throw new ParamValidationError(`Parameter validation failed:\n${errors.join('\n')}`);
}

/** Values as the protocol parsers produce them for the dispatcher. */
export function toCallInput(shape: Shape, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const m = shape.members?.[k];
        const r = m ? toCallInput(m, x) : x;
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
    case 'list':
      return (v as unknown[]).map((x) => toCallInput(shape.member!, x));
    case 'map': {
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toCallInput(shape.value!, x);
      return out;
    }
    case 'timestamp':
      return v instanceof Date ? v : parseTimestampInput(v as string | number);
    case 'blob':
      return Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(String(v), 'utf8');
    case 'float':
    case 'double':
      return Number(v);
    default:
      return v;
  }
}
