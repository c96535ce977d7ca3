/**
 * CloudWatch Logs filter patterns: terms (`ERROR`, `"exact phrase"`, `-excluded`, `?either ?or`),
 * JSON patterns (`{ $.level = "error" && $.latency > 100 }`), and space-delimited patterns
 * (`[ip, user, ..., status = 404, size > 1000]`). compile() returns a predicate over one message.
 */
export class FilterPatternError extends Error {}

type Test = (message: string) => boolean;

function tokenizeTerms(p: string): string[] {
  const out: string[] = [];
  const re = /([?-]?)"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p))) out.push(m[3] ?? `${m[1]}"${m[2]}`);
  return out;
}

function termTest(p: string): Test {
  const terms = tokenizeTerms(p);
  const quoted = (t: string) => t.replace(/^([?-]?)"/, '$1');
  const optional = terms.filter((t) => t.startsWith('?')).map((t) => quoted(t).slice(1));
  const excluded = terms.filter((t) => t.startsWith('-') && t.length > 1).map((t) => quoted(t).slice(1));
  const required = terms.filter((t) => !t.startsWith('?') && !(t.startsWith('-') && t.length > 1)).map(quoted);
  if (optional.length) return (m) => optional.some((t) => m.includes(t));
  return (m) => required.every((t) => m.includes(t)) && excluded.every((t) => !m.includes(t));
}

function compareValue(actual: unknown, op: string, raw: string): boolean {
  if (op === 'EXISTS') return actual !== undefined;
  if (op === 'NOT EXISTS') return actual === undefined;
  if (op === 'IS') return raw === 'TRUE' ? actual === true : raw === 'FALSE' ? actual === false : raw === 'NULL' ? actual === null : false;
  const quoted = /^"(.*)"$/.exec(raw);
  if (quoted || !/^-?\d+(\.\d+)?$/.test(raw)) {
    const want = quoted ? quoted[1]! : raw;
    if (want === 'NULL' && !quoted) return op === '=' ? actual === null : actual !== null;
    if (want === 'TRUE' || want === 'FALSE') return (op === '=') === (actual === (want === 'TRUE'));
    const re = new RegExp(`^${want.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const hit = typeof actual === 'string' && re.test(actual);
    return op === '=' ? hit : op === '!=' ? !hit : false;
  }
  const n = Number(raw);
  const a = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
  if (Number.isNaN(a)) return op === '!=';
  switch (op) {
    case '=':
      return a === n;
    case '!=':
      return a !== n;
    case '<':
      return a < n;
    case '<=':
      return a <= n;
    case '>':
      return a > n;
    case '>=':
      return a >= n;
    default:
      return false;
  }
}

function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = part.startsWith('[') ? (cur as unknown[])[Number(part.slice(1, -1))] : (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const COND = /^\s*(\$[\w.[\]$-]*)\s*(NOT EXISTS|EXISTS|IS|!=|<=|>=|=|<|>)\s*("(?:[^"\\]|\\.)*"|[^\s&|)]+)?\s*/;

/** `{ cond && (cond || cond) }`, evaluated left to right with && binding tighter than ||. */
function jsonTest(p: string): Test {
  const body = p.trim().slice(1, -1);
  let pos = 0;
  const parseOr = (): ((doc: unknown) => boolean) => {
    const parts = [parseAnd()];
    while (body.slice(pos).trimStart().startsWith('||')) {
      pos = body.indexOf('||', pos) + 2;
      parts.push(parseAnd());
    }
    return (doc) => parts.some((f) => f(doc));
  };
  const parseAnd = (): ((doc: unknown) => boolean) => {
    const parts = [parseAtom()];
    while (body.slice(pos).trimStart().startsWith('&&')) {
      pos = body.indexOf('&&', pos) + 2;
      parts.push(parseAtom());
    }
    return (doc) => parts.every((f) => f(doc));
  };
  const parseAtom = (): ((doc: unknown) => boolean) => {
    const rest = body.slice(pos);
    const lead = rest.length - rest.trimStart().length;
    if (rest.trimStart().startsWith('(')) {
      pos += lead + 1;
      const inner = parseOr();
      const close = body.indexOf(')', pos);
      if (close < 0) throw new FilterPatternError('Invalid metric filter pattern');
      pos = close + 1;
      return inner;
    }
    const m = COND.exec(rest);
    if (!m) throw new FilterPatternError('Invalid metric filter pattern');
    pos += m[0].length;
    const [, path, op, value] = m;
    if (value === undefined && op !== 'EXISTS' && op !== 'NOT EXISTS') throw new FilterPatternError('Invalid metric filter pattern');
    return (doc) => compareValue(getPath(doc, path!), op!, value ?? '');
  };
  const f = parseOr();
  if (body.slice(pos).trim() !== '') throw new FilterPatternError('Invalid metric filter pattern');
  return (m) => {
    let doc: unknown;
    try {
      doc = JSON.parse(m);
    } catch {
      return false;
    }
    return f(doc);
  };
}

function splitFields(m: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|\[([^\]]*)\]|(\S+)/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m))) out.push(x[1] ?? x[2] ?? x[3]!);
  return out;
}

/** `[ip, user, ..., status = 404]`: positions with optional conditions; `...` absorbs any fields. */
function spaceTest(p: string): Test {
  const specs = p
    .trim()
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (s === '...') return { ellipsis: true as const };
      const m = /^(\w+)\s*(!=|<=|>=|=|<|>)\s*(.+)$/.exec(s);
      if (m) return { name: m[1]!, op: m[2]!, value: m[3]!.trim() };
      if (!/^\w+$/.test(s)) throw new FilterPatternError('Invalid metric filter pattern');
      return { name: s };
    });
  return (m) => {
    const fields = splitFields(m);
    const match = (si: number, fi: number): boolean => {
      if (si === specs.length) return fi === fields.length || specs.some((s) => 'ellipsis' in s);
      const s = specs[si]!;
      if ('ellipsis' in s) {
        for (let k = fi; k <= fields.length; k++) if (match(si + 1, k)) return true;
        return false;
      }
      if (fi >= fields.length) return false;
      if ('op' in s && s.op && !compareValue(fields[fi], s.op, s.value)) return false;
      return match(si + 1, fi + 1);
    };
    return match(0, 0);
  };
}

export function compileFilter(pattern: string | undefined): Test {
  const p = (pattern ?? '').trim();
  if (p === '') return () => true;
  if (p.startsWith('{')) {
    if (!p.endsWith('}')) throw new FilterPatternError('Invalid metric filter pattern');
    return jsonTest(p);
  }
  if (p.startsWith('[')) {
    if (!p.endsWith(']')) throw new FilterPatternError('Invalid metric filter pattern');
    return spaceTest(p);
  }
  return termTest(p);
}

/** The value a metric filter's `metricValue` names: a number, `$.path` of a JSON event, or `$field` of a space-delimited one. */
export function metricValueOf(spec: string, message: string, pattern: string): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(spec)) return Number(spec);
  if (spec.startsWith('$.')) {
    try {
      const v = getPath(JSON.parse(message), spec);
      return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
    } catch {
      return undefined;
    }
  }
  if (spec.startsWith('$') && pattern.trim().startsWith('[')) {
    const names = pattern.trim().slice(1, -1).split(',').map((s) => /^\s*(\w+|\.\.\.)/.exec(s)?.[1] ?? '');
    const i = names.indexOf(spec.slice(1));
    if (i < 0 || names.slice(0, i).includes('...')) return undefined;
    const v = Number(splitFields(message)[i]);
    return Number.isNaN(v) ? undefined : v;
  }
  return undefined;
}
