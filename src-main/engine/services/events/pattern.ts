/**
 * Content matching shared by EventBridge event patterns and SNS filter policies: a pattern is an
 * object whose leaves are arrays of allowed values; a value is a literal (string, number, null) or
 * a rule: {prefix}, {suffix}, {anything-but}, {numeric: [op, n, ...]}, {exists}, {equals-ignore-case},
 * {wildcard}. Every key of the pattern must match; an array in the event matches when any element does.
 */
export type Pattern = { [key: string]: unknown };

export class PatternError extends Error {}

const NUMERIC_OPS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function numericMatch(value: unknown, spec: unknown[]): boolean {
  if (typeof value !== 'number') return false;
  for (let i = 0; i < spec.length; i += 2) {
    const op = NUMERIC_OPS[String(spec[i])];
    if (!op || typeof spec[i + 1] !== 'number' || !op(value, spec[i + 1] as number)) return false;
  }
  return true;
}

function wildcard(value: string, pat: string): boolean {
  const re = new RegExp(`^${pat.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
  return re.test(value);
}

/** One allowed value (literal or rule) against one actual value (never an array). */
function leafMatch(rule: unknown, value: unknown, present: boolean): boolean {
  if (rule === null || typeof rule !== 'object') return present && rule === value;
  const r = rule as Record<string, unknown>;
  if ('exists' in r) return r.exists === present;
  if (!present) return false;
  if ('prefix' in r) {
    const p = r.prefix;
    if (typeof p === 'object' && p && 'equals-ignore-case' in p) return typeof value === 'string' && value.toLowerCase().startsWith(String((p as Record<string, unknown>)['equals-ignore-case']).toLowerCase());
    return typeof value === 'string' && value.startsWith(String(p));
  }
  if ('suffix' in r) return typeof value === 'string' && value.endsWith(String(r.suffix));
  if ('equals-ignore-case' in r) return typeof value === 'string' && value.toLowerCase() === String(r['equals-ignore-case']).toLowerCase();
  if ('wildcard' in r) return typeof value === 'string' && wildcard(value, String(r.wildcard));
  if ('numeric' in r) return numericMatch(value, r.numeric as unknown[]);
  if ('cidr' in r) return false;
  if ('anything-but' in r) {
    const ab = r['anything-but'];
    if (Array.isArray(ab)) return !ab.includes(value);
    if (ab && typeof ab === 'object') {
      const o = ab as Record<string, unknown>;
      if ('prefix' in o) return !(typeof value === 'string' && value.startsWith(String(o.prefix)));
      if ('suffix' in o) return !(typeof value === 'string' && value.endsWith(String(o.suffix)));
      return true;
    }
    return value !== ab;
  }
  throw new PatternError(`Unrecognized match type ${Object.keys(r)[0] ?? ''}`);
}

function valuesMatch(rules: unknown[], actual: unknown, present: boolean): boolean {
  const values = Array.isArray(actual) ? actual : [actual];
  // {exists: false} and anything-but must hold for the field as a whole.
  return rules.some((rule) => {
    if (rule && typeof rule === 'object' && 'exists' in rule) return leafMatch(rule, undefined, present && values.length > 0);
    if (!present) return false;
    return values.some((v) => leafMatch(rule, v, true));
  });
}

/** Does `event` match `pattern`? Keys with `$or` hold alternative sub-patterns. */
export function matches(pattern: Pattern, event: unknown): boolean {
  const obj = event && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : {};
  for (const [key, rule] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(rule) || !rule.some((alt) => matches(alt as Pattern, event))) return false;
      continue;
    }
    const present = Object.prototype.hasOwnProperty.call(obj, key);
    const actual = obj[key];
    if (Array.isArray(rule)) {
      if (!valuesMatch(rule, actual, present)) return false;
    } else if (rule && typeof rule === 'object') {
      if (!present) return false;
      if (Array.isArray(actual)) {
        if (!actual.some((a) => matches(rule as Pattern, a))) return false;
      } else if (!matches(rule as Pattern, actual)) return false;
    } else throw new PatternError(`Event pattern is not valid. Reason: "${key}" must be an object or an array`);
  }
  return true;
}

/** Parses and checks a pattern's shape (leaves must be arrays, rules known). */
export function parsePattern(text: string): Pattern {
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    throw new PatternError('Event pattern is not valid. Reason: Filter is not an object');
  }
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new PatternError('Event pattern is not valid. Reason: Filter is not an object');
  check(p as Pattern);
  return p as Pattern;
}

function check(p: Pattern): void {
  for (const [k, v] of Object.entries(p)) {
    if (k === '$or') {
      if (!Array.isArray(v)) throw new PatternError('Event pattern is not valid. Reason: $or must be an array');
      v.forEach((alt) => check(alt as Pattern));
    } else if (Array.isArray(v)) {
      for (const rule of v) if (rule && typeof rule === 'object') leafMatchCheck(rule as Record<string, unknown>);
    } else if (v && typeof v === 'object') check(v as Pattern);
    else throw new PatternError(`Event pattern is not valid. Reason: "${k}" must be an object or an array`);
  }
}

const KNOWN = new Set(['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'equals-ignore-case', 'wildcard', 'cidr']);
function leafMatchCheck(rule: Record<string, unknown>): void {
  const k = Object.keys(rule)[0];
  if (!k || !KNOWN.has(k)) throw new PatternError(`Event pattern is not valid. Reason: Unrecognized match type ${k ?? ''}`);
}
