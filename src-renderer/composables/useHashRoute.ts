/**
 * A tiny hash router: the console's pages are `#/`, `#/s3`, `#/s3/create`... Hash routes work the
 * same from file:// (Electron) and from /_lab/ (browser) without server rewrites.
 */
import { computed, readonly, ref, type Component } from 'vue';

const path = ref(readPath());

function readPath(): string {
  const hash = typeof location === 'undefined' ? '' : location.hash;
  const p = hash.replace(/^#/, '').split('?')[0] ?? '';
  return p.startsWith('/') ? p : `/${p}`;
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (path.value = readPath()));

export function navigate(to: string): void {
  location.hash = `#${to}`;
  path.value = to; // don't wait for hashchange: tests and fast clicks see the page at once
}

export interface RouteTable {
  [path: string]: Component;
}

/** The current path and the page registered for it (or `fallback`). */
export function useHashRoute(routes: RouteTable, fallback: Component) {
  const current = computed(() => routes[path.value.replace(/\/+$/, '') || '/'] ?? fallback);
  return { path: readonly(path), current, navigate };
}
