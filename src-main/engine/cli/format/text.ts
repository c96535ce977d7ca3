/** `--output text`: awscli/text.py's rules (sorted scalar columns, upper-case identifiers per nested key). */
import { pyStr } from '../pyformat';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Number);
const isContainer = (v: unknown): boolean => Array.isArray(v) || isDict(v);
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function formatText(data: unknown): string {
  const out: string[] = [];
  formatItem(data, out, undefined, undefined);
  return out.join('');
}

function formatItem(item: unknown, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isDict(item)) formatDict(scalarKeys, item, identifier, out);
  else if (Array.isArray(item)) formatList(item, identifier, out);
  else out.push(`${pyStr(item)}\n`);
}

function formatList(item: unknown[], identifier: string | undefined, out: string[]): void {
  if (item.length === 0) return;
  if (item.some(isDict)) {
    const keys = allScalarKeys(item);
    for (const el of item) formatItem(el, out, identifier, keys);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter((e) => !isContainer(e));
    const nonScalars = item.filter(isContainer);
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const n of nonScalars) formatItem(n, out, identifier, undefined);
  } else formatScalarList(item, identifier, out);
}

function formatScalarList(elements: unknown[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined) for (const el of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(el)}\n`);
  else out.push(`${elements.map(pyStr).join('\t')}\n`);
}

function formatDict(scalarKeys: string[] | undefined, item: Dict, identifier: string | undefined, out: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const key of Object.keys(item).sort(byCodePoint)) {
      const value = item[key];
      if (isContainer(value)) nonScalars.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    const rest = Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort(byCodePoint);
    for (const key of rest) nonScalars.push([key, item[key]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, undefined);
}

function allScalarKeys(list: unknown[]): string[] {
  const seen = new Set<string>();
  for (const d of list) if (isDict(d)) for (const [k, v] of Object.entries(d)) if (!isContainer(v)) seen.add(k);
  return [...seen].sort(byCodePoint);
}
