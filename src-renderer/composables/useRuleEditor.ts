/**
 * Security group rules as AWS's console edits them: a row per (type, protocol, port range, source),
 * turned into IpPermissions for Authorize/Revoke. Editing an existing group compares the edited rows
 * with the group's rules and sends only the difference, as the console does.
 */
import { ref } from 'vue';
import type { JsonObject } from '../../src-main/contract';
import type { AwsCall } from './useAws';
import { compact, list, num, text, type Row } from '../aws/json';

export interface RuleRow {
  /** Key into RULE_TYPES ('ssh', 'http', 'custom-tcp'...). */
  type: string;
  protocol: string; // tcp | udp | icmp | -1
  /** "22", "8080-8090", or "" for all. */
  portRange: string;
  /** A CIDR (0.0.0.0/0, 203.0.113.10/32) or a security group id (sg-…). */
  source: string;
  description: string;
}

interface RuleType {
  label: string;
  protocol: string;
  port?: string;
  /** Protocol and port fixed by the type (SSH), or typed by the learner (Custom TCP). */
  fixed: boolean;
}

export const RULE_TYPES: Record<string, RuleType> = {
  ssh: { label: 'SSH', protocol: 'tcp', port: '22', fixed: true },
  http: { label: 'HTTP', protocol: 'tcp', port: '80', fixed: true },
  https: { label: 'HTTPS', protocol: 'tcp', port: '443', fixed: true },
  rdp: { label: 'RDP', protocol: 'tcp', port: '3389', fixed: true },
  mysql: { label: 'MYSQL/Aurora', protocol: 'tcp', port: '3306', fixed: true },
  postgres: { label: 'PostgreSQL', protocol: 'tcp', port: '5432', fixed: true },
  redis: { label: 'Custom TCP (Redis)', protocol: 'tcp', port: '6379', fixed: true },
  nfs: { label: 'NFS', protocol: 'tcp', port: '2049', fixed: true },
  'custom-tcp': { label: 'Custom TCP', protocol: 'tcp', fixed: false },
  'custom-udp': { label: 'Custom UDP', protocol: 'udp', fixed: false },
  'all-icmp': { label: 'All ICMP - IPv4', protocol: 'icmp', port: '', fixed: true },
  'all-traffic': { label: 'All traffic', protocol: '-1', port: '', fixed: true },
};

export const ANYWHERE = '0.0.0.0/0';

export function newRule(type = 'ssh', source = ANYWHERE): RuleRow {
  const t = RULE_TYPES[type] ?? RULE_TYPES.ssh!;
  return { type, protocol: t.protocol, portRange: t.port ?? '', source, description: '' };
}

/** Changing a row's type resets protocol and ports to the type's own. */
export function withType(rule: RuleRow, type: string): RuleRow {
  const t = RULE_TYPES[type];
  if (!t) return rule;
  return { ...rule, type, protocol: t.protocol, portRange: t.fixed ? (t.port ?? '') : rule.portRange };
}

/** What is wrong with a row, in the console's words; undefined when it can be sent. */
export function ruleProblem(rule: RuleRow): string | undefined {
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(rule.portRange.trim());
    if (!m) return 'Enter a port (22) or a port range (8000-8080).';
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from > 65535 || to > 65535 || from > to) return 'Ports are between 0 and 65535, the first no larger than the second.';
  }
  const src = rule.source.trim();
  if (/^sg-[0-9a-f]+$/.test(src)) return undefined;
  const cidr = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(src);
  if (!cidr || cidr.slice(1, 5).some((o) => Number(o) > 255) || Number(cidr[5]) > 32)
    return 'Enter a CIDR block (0.0.0.0/0, 203.0.113.10/32) or a security group ID.';
  return undefined;
}

function ports(rule: RuleRow): { FromPort?: number; ToPort?: number } {
  if (rule.protocol === '-1') return {};
  if (rule.protocol === 'icmp') return { FromPort: -1, ToPort: -1 };
  const [from, to] = rule.portRange.trim().split('-');
  return { FromPort: Number(from), ToPort: Number(to ?? from) };
}

/** One IpPermission per row (AWS merges equal ones itself). */
export function toIpPermission(rule: RuleRow): JsonObject {
  const src = rule.source.trim();
  const description = rule.description.trim() || undefined;
  const { FromPort, ToPort } = ports(rule);
  return compact({
    IpProtocol: rule.protocol,
    FromPort,
    ToPort,
    UserIdGroupPairs: /^sg-/.test(src) ? [compact({ GroupId: src, Description: description })] : undefined,
    IpRanges: /^sg-/.test(src) ? undefined : [compact({ CidrIp: src, Description: description })],
  });
}

function typeOf(protocol: string, from?: number, to?: number): string {
  if (protocol === '-1') return 'all-traffic';
  if (protocol === 'icmp' || protocol === '1') return 'all-icmp';
  const found = Object.entries(RULE_TYPES).find(([, t]) => t.fixed && t.protocol === protocol && t.port === String(from) && from === to);
  if (found) return found[0];
  return protocol === 'udp' || protocol === '17' ? 'custom-udp' : 'custom-tcp';
}

/** A group's IpPermissions (or IpPermissionsEgress) as editable rows: one per source. */
export function fromIpPermissions(perms: Row[]): RuleRow[] {
  return perms.flatMap((p) => {
    const protocol = text(p, 'IpProtocol') === '6' ? 'tcp' : text(p, 'IpProtocol') === '17' ? 'udp' : text(p, 'IpProtocol');
    const from = num(p, 'FromPort');
    const to = num(p, 'ToPort');
    const type = typeOf(protocol, from, to);
    const portRange = protocol === 'tcp' || protocol === 'udp' ? (from === to ? String(from) : `${from}-${to}`) : '';
    const sources = [
      ...list(p, 'IpRanges').map((r) => ({ source: text(r, 'CidrIp'), description: text(r, 'Description') })),
      ...list(p, 'Ipv6Ranges').map((r) => ({ source: text(r, 'CidrIpv6'), description: text(r, 'Description') })),
      ...list(p, 'UserIdGroupPairs').map((r) => ({ source: text(r, 'GroupId'), description: text(r, 'Description') })),
      ...list(p, 'PrefixListIds').map((r) => ({ source: text(r, 'PrefixListId'), description: text(r, 'Description') })),
    ];
    return sources.map((s) => ({ type, protocol, portRange, ...s }));
  });
}

const key = (r: RuleRow) => `${r.protocol}|${r.portRange.trim()}|${r.source.trim()}`;

/** What to revoke and what to authorize to turn `before` into `after` (descriptions alone don't count). */
export function diffRules(before: RuleRow[], after: RuleRow[]): { revoke: RuleRow[]; authorize: RuleRow[] } {
  const had = new Set(before.map(key));
  const want = new Set(after.map(key));
  return {
    revoke: before.filter((r) => !want.has(key(r))),
    authorize: after.filter((r) => !had.has(key(r))),
  };
}

/** Editable rows with add/remove/update, for the rule editor component. */
export function useRuleRows(initial: RuleRow[] = []) {
  const rows = ref<RuleRow[]>(initial.map((r) => ({ ...r })));
  return {
    rows,
    add: (rule: RuleRow = newRule('custom-tcp')) => void rows.value.push(rule),
    remove: (i: number) => void rows.value.splice(i, 1),
    setType: (i: number, type: string) => {
      const r = rows.value[i];
      if (r) rows.value[i] = withType(r, type);
    },
    reset: (next: RuleRow[]) => (rows.value = next.map((r) => ({ ...r }))),
  };
}

/**
 * Saves edited rules of one direction: revokes the rules that went away, then authorizes the new
 * ones (AWS's console does the same two calls). Returns how many rules changed.
 */
export async function saveRules(
  call: AwsCall,
  groupId: string,
  direction: 'inbound' | 'outbound',
  before: RuleRow[],
  after: RuleRow[],
): Promise<number> {
  const { revoke, authorize } = diffRules(before, after);
  const suffix = direction === 'inbound' ? 'Ingress' : 'Egress';
  if (revoke.length)
    await call('ec2', `RevokeSecurityGroup${suffix}`, { GroupId: groupId, IpPermissions: revoke.map(toIpPermission) });
  if (authorize.length)
    await call('ec2', `AuthorizeSecurityGroup${suffix}`, { GroupId: groupId, IpPermissions: authorize.map(toIpPermission) });
  return revoke.length + authorize.length;
}
