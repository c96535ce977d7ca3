/**
 * Security-group rules between the API's two forms and our one-row-per-source rules:
 * - IpPermissions (what the CLI's `--protocol tcp --port 22 --cidr 0.0.0.0/0` becomes on the wire),
 * - the old top-level form (IpProtocol/FromPort/ToPort/CidrIp/SourceSecurityGroupName).
 * Both are validated here with AWS's wording, and turned back into IpPermissions for Describe.
 */
import type { Ctx } from '../../core/provider';
import { parseCidr } from '../../network/cidr';
import {
  cidrMalformed,
  invalidGroupNotFoundInVpc,
  invalidParameterValue,
  invalidPermissionMalformed,
  missingParameter,
  sourceGroupInOtherVpc,
} from './errors';
import { findGroupByName, getGroup, type GroupRow, type RuleRow, emptyRule } from './state/security-groups';

export interface IpPermissionInput {
  FromPort?: number;
  IpProtocol?: string;
  IpRanges?: { CidrIp?: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string; Description?: string }[];
  PrefixListIds?: { Description?: string; PrefixListId?: string }[];
  ToPort?: number;
  UserIdGroupPairs?: { GroupId?: string; GroupName?: string; UserId?: string; Description?: string }[];
}

export interface LegacyRuleInput {
  CidrIp?: string;
  FromPort?: number;
  IpProtocol?: string;
  ToPort?: number;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  IpPermissions?: IpPermissionInput[];
}

const PROTOCOL_ALIASES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

/** 'tcp' | 'udp' | 'icmp' | 'icmpv6' | '-1' | another IANA number. */
export function normalizeProtocol(p: string | undefined): string {
  if (p === undefined || p === '') throw missingParameter('ipProtocol');
  const lower = p.toLowerCase();
  const canonical = PROTOCOL_ALIASES[lower] ?? lower;
  if (['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(canonical)) return canonical;
  if (/^\d{1,3}$/.test(canonical) && Number(canonical) <= 255) return String(Number(canonical));
  throw invalidParameterValue(`Invalid value '${p}' for IP protocol. Unknown protocol.`);
}

/** Ports as stored: tcp/udp ranges, icmp type/code (-1 = any), nothing for all traffic or other protocols. */
function checkPorts(protocol: string, from: number | undefined, to: number | undefined): { from: number | null; to: number | null } {
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined)
      throw invalidPermissionMalformed(`Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange`);
    if (from < 0 || to > 65535 || from > to)
      throw invalidParameterValue(`Invalid ${protocol.toUpperCase()} port range: ${from}..${to}`);
    return { from, to };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    const type = from ?? -1;
    const code = to ?? -1;
    if (type < -1 || type > 255) throw invalidParameterValue(`Invalid value '${type}' for ICMP type`);
    if (code < -1 || code > 255) throw invalidParameterValue(`Invalid value '${code}' for ICMP code`);
    return { from: type, to: code };
  }
  return { from: null, to: null };
}

function checkIpv4Cidr(cidr: string | undefined): string {
  if (cidr === undefined || cidr === '') throw missingParameter('cidrIp');
  const parsed = parseCidr(cidr, { strict: false });
  if (!parsed || parsed.text !== cidr) throw cidrMalformed(cidr);
  return cidr;
}

/**
 * The rules one Authorize/Revoke call names, one per source, validated (groups must exist and be
 * in the target group's VPC). `egress` picks the direction.
 */
export function rulesFromInput(ctx: Ctx, target: GroupRow, input: LegacyRuleInput, egress: boolean): RuleRow[] {
  const permissions: IpPermissionInput[] = [...(input.IpPermissions ?? [])];
  const legacy = input.CidrIp !== undefined || input.SourceSecurityGroupName !== undefined || input.IpProtocol !== undefined;
  if (legacy) {
    const perm: IpPermissionInput = {
      // A source group without a protocol means every protocol, as EC2 has always read it.
      IpProtocol: input.IpProtocol ?? (input.SourceSecurityGroupName !== undefined ? '-1' : undefined),
      FromPort: input.FromPort,
      ToPort: input.ToPort,
    };
    if (input.CidrIp !== undefined) perm.IpRanges = [{ CidrIp: input.CidrIp }];
    if (input.SourceSecurityGroupName !== undefined)
      perm.UserIdGroupPairs = [{ GroupName: input.SourceSecurityGroupName, UserId: input.SourceSecurityGroupOwnerId }];
    if (perm.IpRanges === undefined && perm.UserIdGroupPairs === undefined) perm.IpRanges = [{ CidrIp: '0.0.0.0/0' }];
    permissions.push(perm);
  }
  if (permissions.length === 0) throw missingParameter('ipPermissions');
  const out: RuleRow[] = [];
  for (const p of permissions) {
    const protocol = normalizeProtocol(p.IpProtocol);
    const ports = checkPorts(protocol, p.FromPort, p.ToPort);
    const base: RuleRow = { ...emptyRule(target.group_id, egress), ip_protocol: protocol, from_port: ports.from, to_port: ports.to };
    const sources =
      (p.IpRanges?.length ?? 0) + (p.Ipv6Ranges?.length ?? 0) + (p.PrefixListIds?.length ?? 0) + (p.UserIdGroupPairs?.length ?? 0);
    if (sources === 0) throw missingParameter(egress ? 'ipPermissions.destination' : 'ipPermissions.source');
    for (const r of p.IpRanges ?? []) out.push({ ...base, cidr_ipv4: checkIpv4Cidr(r.CidrIp), description: r.Description ?? null });
    for (const r of p.Ipv6Ranges ?? []) {
      if (!r.CidrIpv6) throw missingParameter('cidrIpv6');
      out.push({ ...base, cidr_ipv6: r.CidrIpv6.toLowerCase(), description: r.Description ?? null });
    }
    for (const r of p.PrefixListIds ?? []) {
      if (!r.PrefixListId) throw missingParameter('prefixListId');
      out.push({ ...base, prefix_list_id: r.PrefixListId, description: r.Description ?? null });
    }
    for (const pair of p.UserIdGroupPairs ?? []) {
      const source = sourceGroup(ctx, target, pair);
      out.push({ ...base, referenced_group_id: source.group_id, referenced_user_id: ctx.accountId, description: pair.Description ?? null });
    }
  }
  return out;
}

function sourceGroup(ctx: Ctx, target: GroupRow, pair: { GroupId?: string; GroupName?: string }): GroupRow {
  if (pair.GroupId) {
    const g = getGroup(ctx, pair.GroupId);
    if (g.vpc_id !== target.vpc_id) throw sourceGroupInOtherVpc(g.group_id, target.vpc_id);
    return g;
  }
  if (pair.GroupName) {
    const g = findGroupByName(ctx, target.vpc_id, pair.GroupName);
    if (!g) throw invalidGroupNotFoundInVpc(pair.GroupName, target.vpc_id);
    return g;
  }
  throw missingParameter('groupId');
}

/** How AWS names a rule in InvalidPermission.Duplicate: `peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW`. */
export function describeRuleForDuplicate(r: RuleRow): string {
  const peer = r.cidr_ipv4 ?? r.cidr_ipv6 ?? r.prefix_list_id ?? r.referenced_group_id ?? '';
  const proto = r.ip_protocol === '-1' ? 'ALL' : r.ip_protocol.toUpperCase();
  if (r.ip_protocol === 'tcp' || r.ip_protocol === 'udp')
    return `peer: ${peer}, ${proto}, from port: ${r.from_port}, to port: ${r.to_port}, ALLOW`;
  if (r.ip_protocol === 'icmp' || r.ip_protocol === 'icmpv6')
    return `peer: ${peer}, ${proto}, type: ${r.from_port}, code: ${r.to_port}, ALLOW`;
  return `peer: ${peer}, ${proto}, ALLOW`;
}

/** Rules regrouped into the API's IpPermissions: one entry per protocol + ports, sources listed inside. */
export function ipPermissionsOutput(ctx: Ctx, rules: readonly RuleRow[]) {
  const groups = new Map<string, { rules: RuleRow[] }>();
  for (const r of rules) {
    const key = `${r.ip_protocol}|${r.from_port}|${r.to_port}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rules: [] }));
    g.rules.push(r);
  }
  return [...groups.values()].map(({ rules: rs }) => {
    const first = rs[0]!;
    return {
      IpProtocol: first.ip_protocol,
      FromPort: first.from_port ?? undefined,
      ToPort: first.to_port ?? undefined,
      UserIdGroupPairs: rs
        .filter((r) => r.referenced_group_id)
        .map((r) => ({ UserId: r.referenced_user_id ?? ctx.accountId, GroupId: r.referenced_group_id!, Description: r.description ?? undefined })),
      IpRanges: rs.filter((r) => r.cidr_ipv4).map((r) => ({ CidrIp: r.cidr_ipv4!, Description: r.description ?? undefined })),
      Ipv6Ranges: rs.filter((r) => r.cidr_ipv6).map((r) => ({ CidrIpv6: r.cidr_ipv6!, Description: r.description ?? undefined })),
      PrefixListIds: rs.filter((r) => r.prefix_list_id).map((r) => ({ PrefixListId: r.prefix_list_id!, Description: r.description ?? undefined })),
    };
  });
}

/** One rule as DescribeSecurityGroupRules and Authorize* answer it. */
export function ruleOutput(ctx: Ctx, r: RuleRow, tags: readonly { Key: string; Value: string }[] = []) {
  return {
    SecurityGroupRuleId: r.rule_id,
    GroupId: r.group_id,
    GroupOwnerId: ctx.accountId,
    IsEgress: r.is_egress === 1,
    IpProtocol: r.ip_protocol,
    FromPort: r.from_port ?? -1,
    ToPort: r.to_port ?? -1,
    CidrIpv4: r.cidr_ipv4 ?? undefined,
    CidrIpv6: r.cidr_ipv6 ?? undefined,
    PrefixListId: r.prefix_list_id ?? undefined,
    ReferencedGroupInfo: r.referenced_group_id ? { GroupId: r.referenced_group_id, UserId: r.referenced_user_id ?? ctx.accountId } : undefined,
    Description: r.description ?? undefined,
    Tags: [...tags],
    SecurityGroupRuleArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group-rule/${r.rule_id}`,
  };
}
