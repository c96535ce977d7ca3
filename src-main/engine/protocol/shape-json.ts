/**
 * Model-driven JSON bodies for the json and rest-json protocols: blobs travel as base64, timestamps as
 * epoch seconds (unless a `timestampFormat` trait says otherwise), user-keyed maps become null-prototype objects.
 */
import type { Shape } from '../models/types';
import { AwsError } from './errors';
import { formatTimestamp, parseTimestamp } from './timestamps';

const serializationError = (message: string): AwsError => new AwsError('SerializationException', message, 400);

const JAVA_TYPE: Record<string, string> = {
  integer: 'Integer',
  long: 'Long',
  float: 'Float',
  double: 'Double',
  boolean: 'Boolean',
  string: 'String',
  timestamp: 'Date',
  blob: 'ByteBuffer',
};

const jsonKind = (v: unknown): string =>
  v === null ? 'NULL_VALUE' : Array.isArray(v) ? 'START_ARRAY' : typeof v === 'object' ? 'START_OBJECT' : typeof v === 'string' ? 'STRING_VALUE' : typeof v === 'number' ? 'NUMBER_VALUE' : 'BOOLEAN_VALUE';

/** JSON document → input value; a value of the wrong JSON type is a SerializationException, as Coral says it. */
export function fromJson(shape: Shape, value: unknown): unknown {
  if (value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(`${jsonKind(value)} can not be converted to a structure`);
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      const src = value as Record<string, unknown>;
      for (const name in members) {
        const m = members[name]!;
        if (m.location && m.location !== 'body') continue;
        const v = src[m.locationName ?? name];
        if (v === undefined) continue;
        const parsed = fromJson(m, v);
        if (parsed !== undefined) out[name] = parsed;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(`${jsonKind(value)} can not be converted to a List`);
      return value.map((v) => fromJson(shape.member!, v));
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(`${jsonKind(value)} can not be converted to a Map`);
      const out = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const parsed = fromJson(shape.value!, v);
        if (parsed !== undefined) out[k] = parsed;
      }
      return out;
    }
    case 'timestamp': {
      const d = typeof value === 'number' || typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (!d) throw serializationError(`${jsonKind(value)} can not be converted to a Date`);
      return d;
    }
    case 'blob':
      if (typeof value !== 'string') throw serializationError(`${jsonKind(value)} can not be converted to a ByteBuffer`);
      return Buffer.from(value, 'base64');
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(`${jsonKind(value)} can not be converted to a Boolean`);
      return value;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value !== 'number') throw serializationError(`${jsonKind(value)} can not be converted to an ${JAVA_TYPE[shape.type]}`);
      return value;
    default:
      if (shape.jsonvalue) return value;
      if (typeof value !== 'string') throw serializationError(`${jsonKind(value)} can not be converted to a String`);
      return value;
  }
}

/** Output value → JSON-ready value (Buffers to base64, Dates to epoch seconds, renamed members). */
export function toJson(shape: Shape, value: unknown, wholeDouble?: (n: number) => unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const members = shape.members ?? {};
      const src = value as Record<string, unknown>;
      for (const name in members) {
        const m = members[name]!;
        if (m.location && m.location !== 'body') continue;
        const v = src[name];
        if (v === undefined || v === null) continue;
        out[m.locationName ?? name] = toJson(m, v, wholeDouble);
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => toJson(shape.member!, v, wholeDouble)) : undefined;
    case 'map': {
      const out: Record<string, unknown> = {};
      const entries = value instanceof Map ? value.entries() : Object.entries(value as Record<string, unknown>);
      for (const [k, v] of entries) if (v !== undefined) out[k as string] = toJson(shape.value!, v, wholeDouble);
      return out;
    }
    case 'timestamp':
      return formatTimestamp(value, shape.timestampFormat ?? 'unixTimestamp');
    case 'float':
    case 'double':
      return wholeDouble && typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15 ? wholeDouble(value) : value;
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : Buffer.from(String(value)).toString('base64');
    default:
      return value;
  }
}
