/**
 * The services the console has pages for (each declared in views/<svc>/console.ts), plus the lab's
 * other services (reachable from the CLI). Search matches the short name, the full name and keywords.
 */
import { computed } from 'vue';
import { storeToRefs } from 'pinia';
import { useLabStore } from '../stores/lab';
import { CONSOLE_SERVICES } from '../console/areas';
import type { ConsoleService } from '../console/area';

export type { ConsoleService };
export { CONSOLE_SERVICES };

/** The page's service: '/ec2/volumes' → 'ec2'. */
export const serviceOfPath = (path: string): ConsoleService | undefined =>
  CONSOLE_SERVICES.find((s) => s.page && path.split('/')[1] === s.page.split('/')[1]);

export function matchServices(services: ConsoleService[], query: string): ConsoleService[] {
  const q = query.trim().toLowerCase();
  if (!q) return services;
  const score = (s: ConsoleService) =>
    s.name.toLowerCase() === q ? 0 : s.name.toLowerCase().startsWith(q) ? 1 : s.title.toLowerCase().includes(q) ? 2 : s.keywords.some((k) => k.includes(q)) ? 3 : 9;
  return services.filter((s) => score(s) < 9).sort((a, b) => score(a) - score(b));
}

export function useConsoleServices() {
  const { info } = storeToRefs(useLabStore());
  const all = computed<ConsoleService[]>(() => {
    const withPages = new Set(CONSOLE_SERVICES.map((s) => s.id));
    const others = (info.value?.services ?? [])
      .filter((s) => !withPages.has(s.id))
      .map((s) => ({ id: s.id, name: s.id.toUpperCase(), title: s.name, keywords: [] }));
    return [...CONSOLE_SERVICES, ...others];
  });
  return { all };
}
