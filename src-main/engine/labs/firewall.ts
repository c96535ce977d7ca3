/**
 * "Can the learner reach this instance?" for checks. With the network model injected, its answer
 * and explanation are used as they are. Without it, the same question is answered from the API's
 * view (instance state, public address, security-group rules) so a check can still say precisely what
 * is missing ("… allows port 22 only from 10.0.0.0/8, not from your address 203.0.113.10").
 */
import { arr, describeSecurityGroups, instanceGroups, str, type Instance, type Obj } from './cloud';
import { WORKSTATION_IP } from '../network/world';
import type { ReachAnswer, ReachProtocol, StepContext } from './types';

export const workstationIp = (ctx: StepContext): string => ctx.deps.network?.workstationIp ?? WORKSTATION_IP;

function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText ?? 32);
  if (!base || !/^\d+\.\d+\.\d+\.\d+$/.test(base) || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipToInt(base) & mask) === (ipToInt(ip) & mask);
}

export const portName = (protocol: ReachProtocol, port?: number): string =>
  protocol === 'icmp' ? 'ICMP (ping)' : `port ${port}`;

/** Does one ingress permission cover protocol/port? (-1 = all traffic.) */
export function permissionCovers(p: Obj, protocol: ReachProtocol, port?: number): boolean {
  const proto = String(p.IpProtocol ?? '');
  if (proto === '-1') return true;
  if (protocol === 'icmp') return proto === 'icmp' || proto === '1';
  if (proto !== 'tcp' && proto !== '6') return false;
  const from = Number(p.FromPort ?? 0);
  const to = Number(p.ToPort ?? 65535);
  return port !== undefined && port >= from && port <= to;
}

export interface SourceAnalysis {
  allowed: boolean;
  /** CIDRs and group ids that do cover the port (for the explanation). */
  sources: string[];
}

/** Whether the groups let `ip` in on protocol/port, and from where they do allow it. */
export function analyzeGroups(groups: Obj[], protocol: ReachProtocol, port: number | undefined, ip: string): SourceAnalysis {
  const sources: string[] = [];
  let allowed = false;
  for (const g of groups)
    for (const p of arr(g.IpPermissions)) {
      if (!permissionCovers(p, protocol, port)) continue;
      for (const r of arr(p.IpRanges)) {
        const cidr = str(r.CidrIp);
        if (!cidr) continue;
        sources.push(cidr);
        if (cidrContains(cidr, ip)) allowed = true;
      }
      for (const pair of arr(p.UserIdGroupPairs)) {
        const id = str(pair.GroupId);
        if (id) sources.push(`the security group ${id}`);
      }
    }
  return { allowed, sources: [...new Set(sources)] };
}

const groupLabel = (groups: Obj[]): string =>
  groups.length === 1
    ? `its security group ${String(groups[0]!.GroupName)} (${String(groups[0]!.GroupId)})`
    : `its security groups ${groups.map((g) => `${String(g.GroupName)} (${String(g.GroupId)})`).join(', ')}`;

/**
 * From the workstation to an instance's public address. Uses the network model when injected, else
 * the API-level analysis.
 */
export async function reachFromWorkstation(
  ctx: StepContext,
  region: string,
  instance: Instance,
  protocol: ReachProtocol,
  port?: number,
): Promise<ReachAnswer> {
  const name = `${instance.InstanceId}`;
  if (instance.State.Name !== 'running')
    return { reachable: false, reason: `the instance ${name} is ${instance.State.Name}, not running` };
  const publicIp = str(instance.PublicIpAddress);
  if (!publicIp)
    return {
      reachable: false,
      reason: `the instance ${name} is running but has no public IPv4 address, so nothing outside its VPC can reach it`,
    };
  if (ctx.deps.network) {
    const r = await ctx.deps.network.reach({ from: { kind: 'workstation' }, toInstanceId: instance.InstanceId, region, port, protocol });
    if (!r.reachable) return r;
    const ip = workstationIp(ctx);
    return { reachable: true, reason: `${portName(protocol, port)} from your address ${ip} gets through${r.reason ? ` (${r.reason})` : ''}` };
  }
  const ip = workstationIp(ctx);
  const groups = await describeSecurityGroups(ctx, region, instanceGroups(instance));
  const { allowed, sources } = analyzeGroups(groups, protocol, port, ip);
  if (allowed) return { reachable: true, reason: `${groupLabel(groups)} allows ${portName(protocol, port)} from your address ${ip}` };
  if (sources.length === 0)
    return {
      reachable: false,
      reason: `the instance ${name} is running but ${groupLabel(groups)} has no inbound rule for ${portName(protocol, port)}`,
    };
  return {
    reachable: false,
    reason: `the instance ${name} is running but ${groupLabel(groups)} allows ${portName(protocol, port)} only from ${sources.join(', ')}, not from your address ${ip}`,
  };
}
