/**
 * Reading AWS outputs as they cross the contract (JSON in the model's shape, PascalCase members).
 * Outputs are data, not trusted types: every read checks what it finds and falls back to nothing.
 */
import type { JsonObject, JsonValue } from '../../src-main/contract';

export type Row = JsonObject;

/** An input object without its absent or empty members (AWS treats "" as a value, the console as "not set"). */
export function compact(o: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

export const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path ('Placement.AvailabilityZone', 'State.Name'). */
export function at(row: JsonValue | undefined, path: string): JsonValue | undefined {
  let cur: JsonValue | undefined = row;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = Object.hasOwn(cur, key) ? cur[key] : undefined;
  }
  return cur;
}

/** A scalar at `path` as display text ('' when absent). */
export function text(row: JsonValue | undefined, path: string): string {
  const v = at(row, path);
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return '';
  return String(v);
}

export function num(row: JsonValue | undefined, path: string): number | undefined {
  const v = at(row, path);
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
}

/** The objects of the list at `path`. */
export function list(row: JsonValue | undefined, path: string): Row[] {
  const v = at(row, path);
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** An EC2-style tag value (Tags: [{Key, Value}]). */
export function tag(row: JsonValue | undefined, key: string): string {
  return text(
    list(row, 'Tags').find((t) => t.Key === key),
    'Value',
  );
}

/** AWS console dates: "2026/01/15 10:30 GMT+0" style, in the learner's locale. */
export function when(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
