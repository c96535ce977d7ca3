/** Every service's console area, found by convention in `views/<svc>/console.ts`. */
import type { ConsoleArea, ConsoleService, NavGroup } from './area';

const modules = import.meta.glob<{ default: ConsoleArea }>('../views/*/console.ts', { eager: true });

export const CONSOLE_AREAS: ConsoleArea[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order || a.service.name.localeCompare(b.service.name));

export const CONSOLE_SERVICES: ConsoleService[] = CONSOLE_AREAS.map((a) => a.service);

/** The left navigation of the area a path is in ('/ec2/volumes' → EC2's). */
export function navOfPath(path: string): { title: string; groups: NavGroup[] } | undefined {
  const first = path.split('/')[1] ?? '';
  const area = CONSOLE_AREAS.find((a) => (a.nav?.area ?? a.service.page?.split('/')[1]) === first);
  return area?.nav;
}

/** All routes of all areas, in area order (a page's own patterns keep their order). */
export function consoleRoutes(): Record<string, ConsoleArea['routes'][string]> {
  return Object.assign({}, ...CONSOLE_AREAS.map((a) => a.routes)) as Record<string, ConsoleArea['routes'][string]>;
}
