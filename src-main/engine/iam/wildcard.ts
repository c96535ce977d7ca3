/**
 * IAM's wildcards: `*` (any run of characters, `/` and `:` included) and `?` (one character).
 * Actions compare case-insensitively, ARNs and condition values case-sensitively. Patterns compile
 * once into a matcher: plain strings become an equality test, `*` alone a constant.
 */
export type Matcher = (value: string) => boolean;

const always: Matcher = () => true;
const cache = new Map<string, Matcher>();
const MAX_CACHE = 20_000;

const escape = (s: string): string => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

export function globToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let src = '';
  for (const ch of pattern) src += ch === '*' ? '.*' : ch === '?' ? '.' : escape(ch);
  return new RegExp(`^${src}$`, ignoreCase ? 'is' : 's');
}

export const hasWildcard = (pattern: string): boolean => pattern.includes('*') || pattern.includes('?');

/** A cached matcher for one pattern. `ignoreCase` matchers expect their input already lower-cased. */
export function globMatcher(pattern: string, ignoreCase: boolean): Matcher {
  const key = (ignoreCase ? 'i' : 's') + pattern;
  let m = cache.get(key);
  if (m) return m;
  if (pattern === '*') m = always;
  else if (!hasWildcard(pattern)) {
    const want = ignoreCase ? pattern.toLowerCase() : pattern;
    m = (v) => v === want;
  } else {
    const re = globToRegExp(ignoreCase ? pattern.toLowerCase() : pattern, false);
    m = (v) => re.test(v);
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, m);
  return m;
}

/** One matcher for a list of patterns (any of them). */
export function anyOf(patterns: readonly string[], ignoreCase: boolean): Matcher {
  if (patterns.includes('*')) return always;
  const exact = new Set<string>();
  const globs: Matcher[] = [];
  for (const p of patterns) {
    if (hasWildcard(p)) globs.push(globMatcher(p, ignoreCase));
    else exact.add(ignoreCase ? p.toLowerCase() : p);
  }
  if (globs.length === 0) return exact.size === 1 ? globMatcher([...exact][0]!, false) : (v) => exact.has(v);
  return (v) => exact.has(v) || globs.some((g) => g(v));
}
