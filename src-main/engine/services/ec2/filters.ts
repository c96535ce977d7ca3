/**
 * The one implementation of Describe* `Filters`, shared by every EC2 Describe handler.
 *
 * Each handler declares a table: filter name → getter returning the item's value(s) for that name
 * (a list means "matches when any element matches": a group's `ip-permission.cidr` has many).
 * `tag:KEY`, `tag-key` and `tag-value` are handled here once, from the item's tags.
 *
 * AWS semantics: several values of one filter are OR'd, several filters are AND'd; values may use
 * `*` (any run of characters) and `?` (one character), `\` escapes them; matching is
 * case-sensitive. An unknown filter name is rejected before anything is read.
 *
 *   const rows = applyFilters(vpcs, input.Filters, { table: VPC_FILTERS, tags: (v) => v.tags });
 */
import { invalidFilter } from './errors';

export type FilterScalar = string | number | boolean | null | undefined;
export type FilterGetter<T> = (item: T) => FilterScalar | readonly FilterScalar[];
export type FilterTable<T> = Readonly<Record<string, FilterGetter<T>>>;

export interface Filter {
  Name?: string;
  Values?: string[];
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface FilterOptions<T> {
  table: FilterTable<T>;
  /** The item's tags; omit for resources that cannot be tagged (tag filters are then invalid). */
  tags?: (item: T) => readonly Tag[];
}

/** Throws AWS's InvalidParameterValue for a filter name the table does not know. */
export function checkFilters<T>(filters: readonly Filter[] | undefined, opts: FilterOptions<T>): void {
  for (const f of filters ?? []) {
    const name = f.Name ?? 'null';
    if (Object.hasOwn(opts.table, name)) continue;
    if (opts.tags && (name === 'tag-key' || name === 'tag-value' || (name.startsWith('tag:') && name.length > 4))) continue;
    throw invalidFilter(name);
  }
}

export function applyFilters<T>(items: readonly T[], filters: readonly Filter[] | undefined, opts: FilterOptions<T>): T[] {
  checkFilters(filters, opts);
  const compiled = (filters ?? []).map((f) => ({ values: (f.Values ?? []).map(patternOf), valuesOf: valuesGetter(f.Name!, opts) }));
  if (compiled.length === 0) return [...items];
  return items.filter((item) =>
    compiled.every(({ values, valuesOf }) => {
      const actual = valuesOf(item);
      return values.some((p) => actual.some((a) => p.test(a)));
    }),
  );
}

/** True when `value` matches an EC2 filter pattern (`*`, `?`, `\` escapes). */
export function matchesPattern(pattern: string, value: string): boolean {
  return patternOf(pattern).test(value);
}

function valuesGetter<T>(name: string, opts: FilterOptions<T>): (item: T) => string[] {
  const getter = Object.hasOwn(opts.table, name) ? opts.table[name] : undefined;
  if (getter) return (item) => toStrings(getter(item));
  const tagsOf = opts.tags!;
  if (name === 'tag-key') return (item) => tagsOf(item).map((t) => t.Key);
  if (name === 'tag-value') return (item) => tagsOf(item).map((t) => t.Value);
  const key = name.slice(4);
  return (item) => tagsOf(item).filter((t) => t.Key === key).map((t) => t.Value);
}

function toStrings(v: FilterScalar | readonly FilterScalar[]): string[] {
  const list = Array.isArray(v) ? (v as readonly FilterScalar[]) : [v as FilterScalar];
  const out: string[] = [];
  for (const x of list) if (x !== undefined && x !== null) out.push(String(x));
  return out;
}

const patternCache = new Map<string, RegExp>();

function patternOf(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (re) return re;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) src += escapeRegExp(pattern[++i]!);
    else if (c === '*') src += '[\\s\\S]*';
    else if (c === '?') src += '[\\s\\S]';
    else src += escapeRegExp(c);
  }
  re = new RegExp(`^${src}$`);
  if (patternCache.size > 1000) patternCache.clear();
  patternCache.set(pattern, re);
  return re;
}

const escapeRegExp = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
