/**
 * Condition operators, compiled once per condition entry. A request's context is read through
 * `ContextLookup` (keys lower-case), so costly keys (resource tags) are fetched only when a policy
 * asks for them. Semantics follow AWS's documented rules: values of one key are ORed, keys and
 * operators ANDed; negated operators hold when no policy value matches; a missing key fails positive
 * operators, satisfies negated ones and `...IfExists`; `ForAllValues` holds vacuously on a missing key.
 */
import { globMatcher } from './wildcard';
import type { ConditionEntry } from './policy';

export interface ContextLookup {
  /** Values of a context key (`key` lower-case), or undefined when the request has no such key. */
  get(key: string): readonly string[] | undefined;
}

type Compare = (requestValue: string, policyValue: string) => boolean;

const parseNumber = (v: string): number | undefined => {
  if (v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

const parseDate = (v: string): number | undefined => {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
};

const numeric = (test: (a: number, b: number) => boolean): Compare => (r, p) => {
  const a = parseNumber(r);
  const b = parseNumber(p);
  return a !== undefined && b !== undefined && test(a, b);
};

const date = (test: (a: number, b: number) => boolean): Compare => (r, p) => {
  const a = parseDate(r);
  const b = parseDate(p);
  return a !== undefined && b !== undefined && test(a, b);
};

/** IPv4 or IPv6 address → [bits, family]; IPv4-mapped IPv6 counts as IPv4. */
function parseIp(ip: string): { value: bigint; bits: 32 | 128 } | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    const parts = ip.split('.').map(Number);
    if (parts.some((n) => n > 255)) return undefined;
    return { value: parts.reduce((acc, n) => (acc << 8n) | BigInt(n), 0n), bits: 32 };
  }
  if (!ip.includes(':')) return undefined;
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  if (ip.split('::').length > 2) return undefined;
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

export function ipInCidr(ip: string, cidr: string): boolean {
  const [base, lenText] = cidr.split('/') as [string, string | undefined];
  const a = parseIp(ip);
  const b = parseIp(base);
  if (!a || !b || a.bits !== b.bits) return false;
  const len = lenText === undefined ? a.bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > a.bits) return false;
  const shift = BigInt(a.bits - len);
  return a.value >> shift === b.value >> shift;
}

/** ARN comparison: six colon-separated parts, each matched with wildcards, case-sensitively. */
const arnParts = (arn: string): string[] => {
  const p = arn.split(':');
  return p.length <= 6 ? p : [...p.slice(0, 5), p.slice(5).join(':')];
};
const arnLike: Compare = (r, p) => {
  const rp = arnParts(r);
  const pp = arnParts(p);
  if (rp.length !== 6 || pp.length !== 6) return r === p;
  return pp.every((part, i) => globMatcher(part, false)(rp[i]!));
};

const BASE: Record<string, { compare: Compare; negated: boolean }> = {
  StringEquals: { compare: (r, p) => r === p, negated: false },
  StringNotEquals: { compare: (r, p) => r === p, negated: true },
  StringEqualsIgnoreCase: { compare: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { compare: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: true },
  StringLike: { compare: (r, p) => globMatcher(p, false)(r), negated: false },
  StringNotLike: { compare: (r, p) => globMatcher(p, false)(r), negated: true },
  NumericEquals: { compare: numeric((a, b) => a === b), negated: false },
  NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { compare: numeric((a, b) => a < b), negated: false },
  NumericLessThanEquals: { compare: numeric((a, b) => a <= b), negated: false },
  NumericGreaterThan: { compare: numeric((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: { compare: numeric((a, b) => a >= b), negated: false },
  DateEquals: { compare: date((a, b) => a === b), negated: false },
  DateNotEquals: { compare: date((a, b) => a === b), negated: true },
  DateLessThan: { compare: date((a, b) => a < b), negated: false },
  DateLessThanEquals: { compare: date((a, b) => a <= b), negated: false },
  DateGreaterThan: { compare: date((a, b) => a > b), negated: false },
  DateGreaterThanEquals: { compare: date((a, b) => a >= b), negated: false },
  Bool: { compare: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: false },
  BinaryEquals: { compare: (r, p) => r === p, negated: false },
  IpAddress: { compare: ipInCidr, negated: false },
  NotIpAddress: { compare: ipInCidr, negated: true },
  ArnEquals: { compare: arnLike, negated: false },
  ArnLike: { compare: arnLike, negated: false },
  ArnNotEquals: { compare: arnLike, negated: true },
  ArnNotLike: { compare: arnLike, negated: true },
  Null: { compare: () => false, negated: false },
};

export const CONDITION_OPERATORS: ReadonlySet<string> = new Set(Object.keys(BASE));

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Replaces policy variables (`${aws:username}`, `${aws:username, 'default'}`, `${*}` `${?}` `${$}`).
 * Undefined when a variable has no value and no default: the element then matches nothing.
 */
export function substituteVariables(text: string, ctx: ContextLookup): string | undefined {
  if (!text.includes('${')) return text;
  let missing = false;
  const out = text.replace(VARIABLE, (_m, inner: string) => {
    const body = inner.trim();
    if (body === '*' || body === '?' || body === '$') return body;
    const m = /^([^,]+?)\s*(?:,\s*'([^']*)')?$/.exec(body);
    const key = (m?.[1] ?? body).toLowerCase();
    const value = ctx.get(key);
    if (value && value.length === 1) return value[0]!;
    if (m?.[2] !== undefined) return m[2];
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

export type CompiledCondition = (ctx: ContextLookup) => boolean;

export function compileCondition(entry: ConditionEntry): CompiledCondition {
  const colon = entry.operator.indexOf(':');
  const set = colon >= 0 ? entry.operator.slice(0, colon) : undefined;
  let base = colon >= 0 ? entry.operator.slice(colon + 1) : entry.operator;
  const ifExists = base.endsWith('IfExists');
  if (ifExists) base = base.slice(0, -'IfExists'.length);
  const { compare, negated } = BASE[base]!;
  const key = entry.key;
  const dynamic = entry.values.some((v) => v.includes('${'));

  if (base === 'Null') {
    const wantAbsent = entry.values.map((v) => v.toLowerCase() === 'true');
    return (ctx) => {
      const v = ctx.get(key);
      const absent = v === undefined || v.length === 0;
      return wantAbsent.some((w) => w === absent);
    };
  }

  const policyValues = (ctx: ContextLookup): string[] =>
    dynamic ? entry.values.map((v) => substituteVariables(v, ctx)).filter((v): v is string => v !== undefined) : entry.values;
  const matchesAny = (rv: string, pvs: readonly string[]): boolean => {
    for (const pv of pvs) if (compare(rv, pv)) return true;
    return false;
  };
  // One request value against the policy values, with the operator's polarity.
  const one = (rv: string, pvs: readonly string[]): boolean => matchesAny(rv, pvs) !== negated;

  if (set === 'ForAllValues') {
    return (ctx) => {
      const rvs = ctx.get(key);
      if (!rvs || rvs.length === 0) return true;
      const pvs = policyValues(ctx);
      return rvs.every((rv) => one(rv, pvs));
    };
  }
  if (set === 'ForAnyValue') {
    return (ctx) => {
      const rvs = ctx.get(key);
      if (!rvs || rvs.length === 0) return ifExists;
      const pvs = policyValues(ctx);
      return rvs.some((rv) => one(rv, pvs));
    };
  }
  return (ctx) => {
    const rvs = ctx.get(key);
    if (!rvs || rvs.length === 0) return ifExists || negated;
    const pvs = policyValues(ctx);
    const hit = rvs.some((rv) => matchesAny(rv, pvs));
    return hit !== negated;
  };
}
