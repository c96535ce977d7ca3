/**
 * A tiny hash router: the console's pages are `#/`, `#/s3`, `#/ec2/instances/i-…`... Hash routes work
 * the same from file:// (Electron) and from /_lab/ (browser) without server rewrites. A route's
 * pattern may hold `:name` segments, whose values land in `params`; `?a=b` after the path is `query`.
 */
import { computed, readonly, ref, shallowRef, type Component } from 'vue';

const hash = ref(readHash());

function readHash(): string {
  return typeof location === 'undefined' ? '' : location.hash.replace(/^#/, '');
}

const path = computed(() => {
  const p = hash.value.split('?')[0] ?? '';
  return (p.startsWith('/') ? p : `/${p}`).replace(/(.)\/+$/, '$1');
});

const query = computed(() => new URLSearchParams(hash.value.split('?')[1] ?? ''));

if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (hash.value = readHash()));

export function navigate(to: string): void {
  location.hash = `#${to}`;
  hash.value = to; // don't wait for hashchange: tests and fast clicks see the page at once
}

export interface RouteTable {
  [pattern: string]: Component;
}

interface Match {
  component: Component;
  params: Record<string, string>;
}

/** Exact patterns win; then the first pattern whose `:name` segments fit (in table order). */
export function matchRoute(routes: RouteTable, at: string): Match | undefined {
  const exact = routes[at];
  if (exact) return { component: exact, params: {} };
  const parts = at.split('/');
  for (const [pattern, component] of Object.entries(routes)) {
    const want = pattern.split('/');
    if (want.length !== parts.length || !pattern.includes(':')) continue;
    const params: Record<string, string> = {};
    const fits = want.every((w, i) => {
      const part = parts[i] ?? '';
      if (!w.startsWith(':')) return w === part;
      if (part === '') return false;
      params[w.slice(1)] = decodeURIComponent(part);
      return true;
    });
    if (fits) return { component, params };
  }
  return undefined;
}

const table = shallowRef<RouteTable>({});
const match = computed(() => matchRoute(table.value, path.value));
const params = computed(() => match.value?.params ?? {});

/** The current path and the page registered for it (or `fallback`). */
export function useHashRoute(routes: RouteTable, fallback: Component) {
  table.value = routes;
  const current = computed(() => match.value?.component ?? fallback);
  return { path: readonly(path), current, navigate };
}

/** For pages: their route's `:name` values and the query string. */
export function useRouteParams() {
  return { params, query, path };
}
