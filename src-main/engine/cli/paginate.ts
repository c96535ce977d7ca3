/**
 * botocore's PageIterator as the CLI drives it: follow the model's paginator, honour --page-size,
 * --max-items and --starting-token (with its base64 JSON token and boto_truncate_amount), then merge
 * the pages (build_full_result) or hand them one by one to the text formatter.
 */
import { asList, type PaginatorConfig } from './arg-table';
import { GeneralError } from './errors';
import { pyRepr } from './pyformat';

type Dict = Record<string, unknown>;

export function searchPath(data: unknown, path: string): unknown {
  let cur = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Dict)[part];
  }
  return cur;
}

export function setPath(data: Dict, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = data;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Dict;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** Python's json.dumps (", " and ": " separators) for token dicts. */
const pyJson = (v: unknown): string =>
  v === null || v === undefined
    ? 'null'
    : typeof v === 'object'
      ? `{${Object.entries(v as Dict).map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(', ')}}`
      : JSON.stringify(v);

export const encodeToken = (token: Dict): string => Buffer.from(pyJson(token), 'utf8').toString('base64');

export function decodeToken(token: string): Dict {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Dict;
  } catch {
    // Older tokens were the raw service token joined by '___'; handled below.
  }
  throw new GeneralError(`Bad starting token: ${token}`);
}

export interface PagingOptions {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

export interface PageResult {
  pages: Dict[];
  resumeToken?: string;
  nonAggregate: Dict;
  resultKeys: string[];
}

export async function paginate(
  pag: PaginatorConfig,
  params: Dict,
  opts: PagingOptions,
  callPage: (params: Dict) => Promise<Dict>,
): Promise<PageResult> {
  const inputTokens = asList(pag.input_token);
  const outputTokens = asList(pag.output_token);
  const resultKeys = asList(pag.result_key);
  const primary = resultKeys[0]!;
  let nextToken: Dict = Object.fromEntries(inputTokens.map((t) => [t, null]));
  let startingTruncation = 0;
  if (opts.startingToken !== undefined) {
    const parsed = decodeToken(opts.startingToken);
    startingTruncation = typeof parsed.boto_truncate_amount === 'number' ? parsed.boto_truncate_amount : 0;
    delete parsed.boto_truncate_amount;
    nextToken = parsed;
  }
  const current: Dict = { ...params };
  for (const [k, v] of Object.entries(nextToken)) if (v !== null && v !== undefined) current[k] = v;
  if (opts.pageSize !== undefined && pag.limit_key) current[pag.limit_key] = opts.pageSize;

  const pages: Dict[] = [];
  let nonAggregate: Dict = {};
  let resumeToken: Dict | undefined;
  let totalItems = 0;
  let first = true;
  let previous: string | undefined;
  for (;;) {
    const parsed = await callPage({ ...current });
    if (first) {
      if (startingTruncation > 0) {
        const list = (searchPath(parsed, primary) as unknown[] | undefined) ?? [];
        setPath(parsed, primary, list.slice(startingTruncation));
        for (const k of resultKeys.slice(1)) if (searchPath(parsed, k) !== undefined) setPath(parsed, k, Array.isArray(searchPath(parsed, k)) ? [] : searchPath(parsed, k));
      }
      first = false;
      nonAggregate = {};
      for (const key of pag.non_aggregate_keys ?? []) setPath(nonAggregate, key, searchPath(parsed, key) ?? null);
    } else startingTruncation = 0;
    const items = (searchPath(parsed, primary) as unknown[] | undefined) ?? [];
    const truncate = opts.maxItems !== undefined ? totalItems + items.length - opts.maxItems : 0;
    if (truncate > 0) {
      const keep = items.length - truncate;
      setPath(parsed, primary, items.slice(0, keep));
      for (const k of resultKeys.slice(1)) if (searchPath(parsed, k) !== undefined) setPath(parsed, k, []);
      resumeToken = { ...nextToken, boto_truncate_amount: keep + startingTruncation };
      pages.push(parsed);
      break;
    }
    pages.push(parsed);
    totalItems += items.length;
    let next: Dict = {};
    const more = pag.more_results ? searchPath(parsed, pag.more_results) : true;
    if (more === true || more === undefined || !pag.more_results) {
      next = Object.fromEntries(inputTokens.map((t, i) => [t, searchPath(parsed, outputTokens[i] ?? '') ?? null]));
    }
    if (pag.more_results && more !== true) next = {};
    const done = Object.values(next).every((v) => v === null || v === undefined || v === '');
    if (done) break;
    if (opts.maxItems !== undefined && totalItems === opts.maxItems) {
      resumeToken = next;
      break;
    }
    const key = JSON.stringify(next);
    if (previous === key) throw new GeneralError(`The same next token was received twice: ${pyRepr(next)}`);
    previous = key;
    nextToken = next;
    for (const [k, v] of Object.entries(next)) if (v !== null) current[k] = v;
  }
  return { pages, resumeToken: resumeToken ? encodeToken(resumeToken) : undefined, nonAggregate, resultKeys };
}

/** build_full_result: the result keys concatenated across pages, then the non-aggregate part and NextToken. */
export function mergePages(r: PageResult): Dict {
  const complete: Dict = {};
  for (const page of r.pages) {
    for (const key of r.resultKeys) {
      const value = searchPath(page, key);
      if (value === undefined || value === null) continue;
      const existing = searchPath(complete, key);
      if (existing === undefined || existing === null) {
        setPath(complete, key, Array.isArray(value) ? [...value] : value);
        continue;
      }
      if (Array.isArray(value) && Array.isArray(existing)) existing.push(...value);
      else if (typeof value === 'number' && typeof existing === 'number') setPath(complete, key, existing + value);
      else if (typeof value === 'string' && typeof existing === 'string') setPath(complete, key, existing + value);
    }
  }
  mergeDicts(complete, r.nonAggregate);
  if (r.resumeToken !== undefined) complete.NextToken = r.resumeToken;
  return complete;
}

function mergeDicts(a: Dict, b: Dict): void {
  for (const [k, v] of Object.entries(b)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && a[k] && typeof a[k] === 'object') mergeDicts(a[k] as Dict, v as Dict);
    else a[k] = v;
  }
}

/** The text formatter's view: each page's result keys (the first page with the non-aggregate part). */
export function textPages(r: PageResult): Dict[] {
  const out = r.pages.map((page, i) => {
    const current: Dict = i === 0 ? structuredClone(r.nonAggregate) : {};
    for (const key of r.resultKeys) setPath(current, key, searchPath(page, key) ?? null);
    return current;
  });
  if (r.resumeToken !== undefined) out.push({ NextToken: { NextToken: r.resumeToken } });
  return out;
}
