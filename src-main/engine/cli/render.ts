/**
 * Turns a handler's output (model shape: Dates, Buffers, Maps) into what botocore would have parsed
 * from the lab's wire response, so the CLI prints what the real CLI prints against the endpoint:
 * members in model order (header members first for REST protocols), timestamps as Python's
 * isoformat(), blobs as base64, floats as Python floats for the XML protocols, and empty lists that
 * the XML serializer writes as an empty element kept as [].
 */
import type { Shape } from '../models/types';
import type { Protocol } from '../models/types';
import { PyFloat } from './pyformat';

type Location = 'body' | 'header' | 'json';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** datetime.isoformat() of a UTC datetime with microsecond precision. */
export function isoFormat(d: Date, withMillis: boolean): string {
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return `${base}${withMillis && ms ? `.${pad(ms, 3)}000` : ''}+00:00`;
}

function asDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  if (typeof v === 'string') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

const isXml = (p: Protocol): boolean => p === 'query' || p === 'ec2' || p === 'rest-xml';

function renderValue(shape: Shape, value: unknown, protocol: Protocol, where: Location): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return value;
      return renderMembers(shape, value as Record<string, unknown>, protocol, false);
    }
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      const out: unknown[] = [];
      for (const item of value) {
        const r = renderValue(shape.member!, item, protocol, where);
        if (r !== undefined) out.push(r);
      }
      // An empty flattened XML list leaves no element behind, so botocore never sees the member.
      if (out.length === 0 && isXml(protocol) && shape.flattened) return undefined;
      return out;
    }
    case 'map': {
      if (typeof value !== 'object') return undefined;
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as Record<string, unknown>);
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) {
        const r = renderValue(shape.value!, v, protocol, where);
        if (r !== undefined) out[String(k)] = r;
      }
      if (entries.length === 0 && isXml(protocol) && shape.flattened) return undefined;
      return out;
    }
    case 'timestamp': {
      const d = asDate(value);
      if (!d) return String(value);
      const format = shape.timestampFormat ?? (where === 'header' ? 'rfc822' : isXml(protocol) ? 'iso8601' : 'unixTimestamp');
      return isoFormat(d, format !== 'rfc822');
    }
    case 'blob':
      if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      return Buffer.from(String(value)).toString('base64');
    case 'boolean':
      return typeof value === 'boolean' ? value : String(value) === 'true';
    case 'integer':
    case 'long':
      return Number(value);
    case 'float':
    case 'double': {
      const n = Number(value);
      // XML parses to a float; the json protocol's servers write whole doubles as 1.0 (protocol/json.ts).
      return isXml(protocol) || protocol === 'json' || where === 'header' ? new PyFloat(n) : n;
    }
    default:
      return String(value);
  }
}

function renderMembers(shape: Shape, value: Record<string, unknown>, protocol: Protocol, top: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const members = shape.members ?? {};
  const rest = top && (protocol === 'rest-xml' || protocol === 'rest-json');
  if (rest) {
    for (const [name, m] of Object.entries(members)) {
      if (m.location === 'headers') {
        const v = value[name];
        out[name] = renderValue(m, v ?? {}, protocol, 'header') ?? {};
      } else if (m.location === 'header' || m.location === 'statusCode') {
        const r = renderValue(m, value[name], protocol, 'header');
        if (r !== undefined) out[name] = r;
      }
    }
  }
  for (const [name, m] of Object.entries(members)) {
    if (rest && m.location && m.location !== 'body') continue;
    if (m.streaming) continue; // streamed bodies are written to a file by the command, never printed
    const r = renderValue(m, value[name], protocol, 'body');
    if (r !== undefined) out[name] = r;
  }
  return out;
}

/** The response as the CLI holds it after parsing (ResponseMetadata already dropped). */
export function renderOutput(shape: Shape | undefined, output: Record<string, unknown>, protocol: Protocol): Record<string, unknown> {
  if (!shape) return {};
  return renderMembers(shape, output, protocol, true);
}
