/** `--output json`: Python's json.dump(indent=4, ensure_ascii=False), key order as received. */
import { isPyFloat, pyFloatRepr } from '../pyformat';

function dump(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (isPyFloat(v)) return pyFloatRepr(v.valueOf());
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (typeof v === 'string') return JSON.stringify(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + dump(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${dump(x, inner)}`).join(',\n')}\n${indent}}`;
}

export const formatJson = (value: unknown): string => `${dump(value, '')}\n`;

/** One-line form (yaml scalars): json.dump without indent uses ", " and ": ". */
export function dumpCompact(v: unknown): string {
  if (v === null || v === undefined || typeof v !== 'object' || isPyFloat(v)) return dump(v, '');
  if (Array.isArray(v)) return `[${v.map(dumpCompact).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${dumpCompact(x)}`).join(', ')}}`;
}
