/**
 * Matching one packet against network ACLs (stateless: numbered rules, first match wins) and
 * security groups (stateful: any allowing rule lets the flow and its replies through).
 */
import { ipInCidr } from './cidr';
import type { Protocol, WorldAclEntry, WorldSecurityGroup, WorldSgRule } from './world';

const ACL_PROTOCOL: Record<Protocol, string> = { tcp: '6', udp: '17', icmp: '1' };
const PORTS = (p: Protocol) => p !== 'icmp';

export interface AclVerdict {
  allowed: boolean;
  /** The rule that decided (32767 = the final `*` deny); undefined only for an empty ACL. */
  ruleNumber?: number;
}

function aclEntryMatchesProtocol(e: WorldAclEntry, protocol: Protocol): boolean {
  return e.protocol === '-1' || e.protocol === ACL_PROTOCOL[protocol];
}

/**
 * The verdict for a packet of `protocol` to/from `peerIp` on every port (or ICMP type) of
 * [lo, hi]: denied as soon as the first matching rule of any port in the range denies. Return
 * traffic uses lo..hi = 1024..65535 (the client's ephemeral ports).
 */
export function evaluateAcl(entries: readonly WorldAclEntry[], egress: boolean, protocol: Protocol, peerIp: string, lo: number, hi: number): AclVerdict {
  let open: [number, number][] = [[lo, hi]];
  let lastAllow: number | undefined;
  const ordered = entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of ordered) {
    if (!aclEntryMatchesProtocol(e, protocol) || !ipInCidr(peerIp, e.cidr)) continue;
    let from = 0;
    let to = 65535;
    if (e.protocol !== '-1') {
      if (PORTS(protocol)) {
        from = e.portFrom ?? 0;
        to = e.portTo ?? 65535;
      } else {
        from = e.icmpType === undefined || e.icmpType === -1 ? 0 : e.icmpType;
        to = e.icmpType === undefined || e.icmpType === -1 ? 65535 : e.icmpType;
      }
    }
    const hit = open.some(([a, b]) => a <= to && from <= b);
    if (!hit) continue;
    if (e.action === 'deny') return { allowed: false, ruleNumber: e.ruleNumber };
    lastAllow = e.ruleNumber;
    open = open.flatMap(([a, b]): [number, number][] => {
      if (b < from || a > to) return [[a, b]];
      const rest: [number, number][] = [];
      if (a < from) rest.push([a, from - 1]);
      if (b > to) rest.push([to + 1, b]);
      return rest;
    });
    if (open.length === 0) return { allowed: true, ruleNumber: lastAllow };
  }
  return { allowed: false };
}

function sgRuleMatchesTraffic(r: WorldSgRule, protocol: Protocol, port: number): boolean {
  if (r.protocol === '-1') return true;
  const p = r.protocol === '6' ? 'tcp' : r.protocol === '17' ? 'udp' : r.protocol === '1' ? 'icmp' : r.protocol;
  if (p !== protocol) return false;
  const from = r.fromPort ?? -1;
  const to = r.toPort ?? -1;
  if (protocol === 'icmp') return from === -1 || from === port;
  return port >= from && port <= to;
}

/** A flow is allowed when any rule of any of the groups matches protocol, port and peer (address or group). */
export function sgAllows(
  groups: readonly WorldSecurityGroup[],
  direction: 'ingress' | 'egress',
  protocol: Protocol,
  port: number,
  peerIp: string,
  peerGroupIds: readonly string[],
): { groupId: string; rule: WorldSgRule } | undefined {
  for (const g of groups)
    for (const r of g[direction]) {
      if (!sgRuleMatchesTraffic(r, protocol, port)) continue;
      if (r.cidr !== undefined && ipInCidr(peerIp, r.cidr)) return { groupId: g.id, rule: r };
      if (r.groupId !== undefined && peerGroupIds.includes(r.groupId)) return { groupId: g.id, rule: r };
    }
  return undefined;
}

/** `tcp/22`, `udp/53`, `icmp type 8`, `all traffic`. */
export function trafficLabel(protocol: Protocol, port: number): string {
  return protocol === 'icmp' ? `icmp type ${port}` : `${protocol}/${port}`;
}

function ruleTraffic(r: WorldSgRule): string {
  if (r.protocol === '-1') return 'all traffic';
  const p = r.protocol === '6' ? 'tcp' : r.protocol === '17' ? 'udp' : r.protocol === '1' ? 'icmp' : r.protocol;
  if (p === 'icmp') return r.fromPort === undefined || r.fromPort === -1 ? 'all icmp' : `icmp type ${r.fromPort}`;
  if (p !== 'tcp' && p !== 'udp') return `protocol ${p}`;
  return r.fromPort === r.toPort ? `${p}/${r.fromPort}` : `${p}/${r.fromPort}-${r.toPort}`;
}

/**
 * What each group does allow, to explain a refusal: `sg-0abc: allows tcp/22 from 10.0.0.0/8 only`,
 * `sg-0abc: allows tcp/80 from 0.0.0.0/0, tcp/443 from 0.0.0.0/0`, `sg-0abc: no inbound rules`.
 */
export function describeGroups(groups: readonly WorldSecurityGroup[], direction: 'ingress' | 'egress', protocol: Protocol, port: number): string {
  const word = direction === 'ingress' ? 'inbound' : 'outbound';
  const prep = direction === 'ingress' ? 'from' : 'to';
  return groups
    .map((g) => {
      const rules = g[direction];
      if (rules.length === 0) return `${g.id}: no ${word} rules`;
      const relevant = rules.filter((r) => sgRuleMatchesTraffic(r, protocol, port));
      const shown = (relevant.length > 0 ? relevant : rules).map((r) => `${ruleTraffic(r)} ${prep} ${r.cidr ?? r.groupId}`);
      return `${g.id}: allows ${shown.join(', ')}${relevant.length > 0 ? ' only' : ''}`;
    })
    .join('; ');
}
