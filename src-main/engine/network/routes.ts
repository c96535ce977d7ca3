/** Route lookup: the most specific active-or-blackhole route whose destination holds the address. */
import { parseCidr, parseIpv4 } from './cidr';
import type { WorldRoute, WorldRouteTable } from './world';

export function lookupRoute(table: WorldRouteTable, ip: string): WorldRoute | undefined {
  const n = parseIpv4(ip);
  if (n === undefined) return undefined;
  let best: { route: WorldRoute; prefix: number } | undefined;
  for (const route of table.routes) {
    const c = parseCidr(route.destination, { strict: false });
    if (!c || n < c.first || n > c.last) continue;
    if (!best || c.prefix > best.prefix) best = { route, prefix: c.prefix };
  }
  return best?.route;
}

export function targetLabel(route: WorldRoute): string {
  const t = route.target;
  return t.kind === 'local' ? 'local' : t.id;
}
