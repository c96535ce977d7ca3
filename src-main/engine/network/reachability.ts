/**
 * canReach(world, from, to, traffic): can a new connection of `traffic` go from one endpoint to the
 * other, and if not, the first thing that stops it, in the order AWS applies them:
 *   1. the instances are running;
 *   2. internet ↔ instance: a public address, and a route to an attached internet gateway (or, going
 *      out of a private subnet, to an available NAT gateway that itself sits in a public subnet);
 *   3. network ACLs, stateless: the request and, separately, its replies on ports 1024-65535;
 *   4. security groups, stateful: the target's inbound rules and the source's outbound rules.
 * Inside one VPC the local route carries the traffic and NACLs apply only between subnets.
 */
import { evaluateAcl, describeGroups, sgAllows, trafficLabel } from './rules';
import { lookupRoute } from './routes';
import {
  INTERNET_HOST_IP,
  WORKSTATION_IP,
  type Endpoint,
  type NetworkWorld,
  type Protocol,
  type WorldInstance,
  type WorldInterface,
  type WorldSecurityGroup,
  type WorldSubnet,
} from './world';

export interface Traffic {
  protocol: Protocol;
  /** tcp/udp destination port, or the ICMP type (8 = echo request, what `ping` sends). */
  port: number;
}

export interface Hop {
  kind: 'instance' | 'interface' | 'workstation' | 'internet' | 'security-group' | 'network-acl' | 'route-table' | 'internet-gateway' | 'nat-gateway' | 'local-route';
  id?: string;
  note: string;
}

export type ReasonCode =
  | 'unknown-endpoint'
  | 'source-not-running'
  | 'target-not-running'
  | 'no-public-ip'
  | 'no-internet-gateway-route'
  | 'route-blackhole'
  | 'route-target-not-simulated'
  | 'nat-gateway-not-available'
  | 'nat-gateway-no-internet'
  | 'network-acl-inbound-denied'
  | 'network-acl-outbound-denied'
  | 'security-group-inbound-denied'
  | 'security-group-outbound-denied';

export interface Reason {
  code: ReasonCode;
  message: string;
  [detail: string]: unknown;
}

export type Reachability = { ok: true; path: Hop[] } | { ok: false; reason: Reason; path: Hop[] };

export const EPHEMERAL_FROM = 1024;
export const EPHEMERAL_TO = 65535;

class Blocked extends Error {
  constructor(readonly reason: Reason) {
    super(reason.message);
  }
}

const fail = (code: ReasonCode, message: string, details: Record<string, unknown> = {}): never => {
  throw new Blocked({ code, message, ...details });
};

interface Host {
  kind: 'host';
  ip: string;
  hop: Hop;
}

interface Nic {
  kind: 'nic';
  eni: WorldInterface;
  instance?: WorldInstance;
  subnet: WorldSubnet;
  groups: WorldSecurityGroup[];
  label: string;
}

type Node = Host | Nic;

export function canReach(world: NetworkWorld, from: Endpoint, to: Endpoint, traffic: Traffic): Reachability {
  const path: Hop[] = [];
  try {
    const src = resolve(world, from, 'source-not-running');
    const dst = resolve(world, to, 'target-not-running');
    if (src.kind === 'nic') checkRunning(src, 'source-not-running');
    if (dst.kind === 'nic') checkRunning(dst, 'target-not-running');
    path.push(hopOf(src));
    if (src.kind === 'host' && dst.kind === 'host') {
      path.push(dst.hop);
      return { ok: true, path };
    }
    if (src.kind === 'nic' && dst.kind === 'nic' && src.eni.vpcId === dst.eni.vpcId) {
      local(world, src, dst, traffic, path);
    } else if (src.kind === 'nic' && dst.kind === 'nic') {
      if (!dst.eni.publicIp)
        fail('no-public-ip', `${dst.label} has no public IP address, and it is in another VPC than ${src.label}`, { target: dst.eni.id });
      const egressIp = outbound(world, src, dst.eni.publicIp!, traffic, path);
      inbound(world, dst, egressIp, traffic, path);
    } else if (src.kind === 'nic') {
      outbound(world, src, (dst as Host).ip, traffic, path);
      path.push((dst as Host).hop);
    } else {
      inbound(world, dst as Nic, src.ip, traffic, path);
    }
    return { ok: true, path };
  } catch (e) {
    if (e instanceof Blocked) return { ok: false, reason: e.reason, path };
    throw e;
  }
}

function resolve(world: NetworkWorld, e: Endpoint, notRunning: 'source-not-running' | 'target-not-running'): Node {
  if (e.kind === 'workstation') return { kind: 'host', ip: WORKSTATION_IP, hop: { kind: 'workstation', note: `your workstation (${WORKSTATION_IP})` } };
  if (e.kind === 'internet') {
    const ip = e.ip ?? INTERNET_HOST_IP;
    return { kind: 'host', ip, hop: { kind: 'internet', note: `internet host ${ip}` } };
  }
  let eni: WorldInterface | undefined;
  let instance: WorldInstance | undefined;
  if (e.kind === 'instance') {
    instance = world.instances.find((i) => i.id === e.instanceId);
    if (!instance) fail('unknown-endpoint', `instance ${e.instanceId} does not exist`, { endpoint: e.instanceId });
    const enis = world.interfaces.filter((n) => n.instanceId === e.instanceId);
    eni = enis.find((n) => n.deviceIndex === 0) ?? enis[0];
    if (!eni) fail(notRunning, `instance ${instance!.id} is ${instance!.state}`, { instanceId: instance!.id, state: instance!.state });
  } else {
    eni = world.interfaces.find((n) => n.id === e.interfaceId);
    if (!eni) fail('unknown-endpoint', `network interface ${e.interfaceId} does not exist`, { endpoint: e.interfaceId });
    if (eni!.instanceId) instance = world.instances.find((i) => i.id === eni!.instanceId);
  }
  const subnet = world.subnets.find((s) => s.id === eni!.subnetId)!;
  const groups = eni!.groupIds.map((id) => world.securityGroups.find((g) => g.id === id)).filter((g): g is WorldSecurityGroup => g !== undefined);
  const label = instance ? `instance ${instance.id}` : `network interface ${eni!.id}`;
  return { kind: 'nic', eni: eni!, instance, subnet, groups, label };
}

function checkRunning(n: Nic, code: 'source-not-running' | 'target-not-running'): void {
  if (n.instance && n.instance.state !== 'running')
    fail(code, `instance ${n.instance.id} is ${n.instance.state}`, { instanceId: n.instance.id, state: n.instance.state });
}

function hopOf(n: Node): Hop {
  if (n.kind === 'host') return n.hop;
  return n.instance
    ? { kind: 'instance', id: n.instance.id, note: `${n.instance.id} (${n.eni.primaryIp}) in ${n.subnet.id}` }
    : { kind: 'interface', id: n.eni.id, note: `${n.eni.id} (${n.eni.primaryIp}) in ${n.subnet.id}` };
}

/** Replies to a request: tcp/udp to the client's ephemeral ports; ping's echo reply is ICMP type 0. */
function replyRange(t: Traffic): [number, number] | undefined {
  if (t.protocol !== 'icmp') return [EPHEMERAL_FROM, EPHEMERAL_TO];
  return t.port === 8 ? [0, 0] : undefined;
}

const replyLabel = (t: Traffic): string => (t.protocol === 'icmp' ? 'icmp type 0 (echo reply)' : `${t.protocol} ports ${EPHEMERAL_FROM}-${EPHEMERAL_TO}`);
const ruleLabel = (n: number | undefined): string => (n === undefined ? 'has no rule that' : n === 32767 ? 'rule * (the final deny)' : `rule ${n}`);

/** The ACL of `subnet` for one leg. `leg` says whether this is the request or its replies. */
function acl(world: NetworkWorld, subnet: WorldSubnet, direction: 'inbound' | 'outbound', leg: 'request' | 'reply', peerIp: string, t: Traffic, path: Hop[]): void {
  const aclRow = world.networkAcls.find((a) => a.id === subnet.networkAclId);
  if (!aclRow) return;
  const range = leg === 'request' ? ([t.port, t.port] as [number, number]) : replyRange(t);
  if (!range) return;
  const verdict = evaluateAcl(aclRow.entries, direction === 'outbound', t.protocol, peerIp, range[0], range[1]);
  const what = leg === 'request' ? trafficLabel(t.protocol, t.port) : `the replies (${replyLabel(t)})`;
  const where = direction === 'inbound' ? `from ${peerIp} into subnet ${subnet.id}` : `to ${peerIp} leaving subnet ${subnet.id}`;
  if (!verdict.allowed) {
    const hint = leg === 'reply' ? `; network ACLs are stateless, so replies need their own ${direction} rule` : '';
    const denies = verdict.ruleNumber === undefined ? 'has no rule that allows' : `${ruleLabel(verdict.ruleNumber)} denies`;
    fail(direction === 'inbound' ? 'network-acl-inbound-denied' : 'network-acl-outbound-denied', `network ACL ${aclRow.id} ${denies} ${what} ${where}${hint}`, {
      networkAclId: aclRow.id,
      ruleNumber: verdict.ruleNumber,
      subnetId: subnet.id,
      leg,
    });
  }
  path.push({ kind: 'network-acl', id: aclRow.id, note: `${direction} ${leg === 'request' ? trafficLabel(t.protocol, t.port) : 'replies'} allowed by rule ${verdict.ruleNumber}` });
}

function sgIn(n: Nic, peerIp: string, peerGroups: readonly string[], t: Traffic, path: Hop[]): void {
  const hit = sgAllows(n.groups, 'ingress', t.protocol, t.port, peerIp, peerGroups);
  if (!hit)
    fail(
      'security-group-inbound-denied',
      `no security-group rule allows ${trafficLabel(t.protocol, t.port)} from ${peerIp}/32 (${describeGroups(n.groups, 'ingress', t.protocol, t.port) || `${n.label} has no security groups`})`,
      { groupIds: n.groups.map((g) => g.id) },
    );
  path.push({ kind: 'security-group', id: hit!.groupId, note: `inbound ${trafficLabel(t.protocol, t.port)} from ${hit!.rule.cidr ?? hit!.rule.groupId}` });
}

function sgOut(n: Nic, peerIp: string, peerGroups: readonly string[], t: Traffic, path: Hop[]): void {
  const hit = sgAllows(n.groups, 'egress', t.protocol, t.port, peerIp, peerGroups);
  if (!hit)
    fail(
      'security-group-outbound-denied',
      `no outbound security-group rule allows ${trafficLabel(t.protocol, t.port)} to ${peerIp}/32 (${describeGroups(n.groups, 'egress', t.protocol, t.port) || `${n.label} has no security groups`})`,
      { groupIds: n.groups.map((g) => g.id) },
    );
  path.push({ kind: 'security-group', id: hit!.groupId, note: `outbound ${trafficLabel(t.protocol, t.port)} to ${hit!.rule.cidr ?? hit!.rule.groupId}` });
}

function local(world: NetworkWorld, src: Nic, dst: Nic, t: Traffic, path: Hop[]): void {
  const ip = dst.eni.primaryIp;
  path.push({ kind: 'local-route', note: `local route of ${src.eni.vpcId}` });
  if (src.subnet.id !== dst.subnet.id) {
    acl(world, src.subnet, 'outbound', 'request', ip, t, path);
    acl(world, dst.subnet, 'inbound', 'request', src.eni.primaryIp, t, path);
    acl(world, dst.subnet, 'outbound', 'reply', src.eni.primaryIp, t, path);
    acl(world, src.subnet, 'inbound', 'reply', ip, t, path);
  }
  sgOut(src, ip, dst.eni.groupIds, t, path);
  sgIn(dst, src.eni.primaryIp, src.eni.groupIds, t, path);
  path.push(hopOf(dst));
}

function routeTableOf(world: NetworkWorld, subnet: WorldSubnet) {
  return world.routeTables.find((r) => r.id === subnet.routeTableId)!;
}

/** The route from a subnet to the internet must end at an internet gateway attached to the VPC. */
function internetRoute(world: NetworkWorld, subnet: WorldSubnet, peerIp: string, allowNat: boolean) {
  const table = routeTableOf(world, subnet);
  const route = lookupRoute(table, peerIp);
  const noRoute = () =>
    fail('no-internet-gateway-route', `subnet ${subnet.id} has no route to an internet gateway (route table ${table.id})`, {
      subnetId: subnet.id,
      routeTableId: table.id,
    });
  if (!route || route.target.kind === 'local') return noRoute();
  const target = route.target;
  if (route.state === 'blackhole')
    fail('route-blackhole', `route table ${table.id} sends ${route.destination} to ${'id' in target ? target.id : 'local'}, which no longer exists or is detached (blackhole)`, {
      routeTableId: table.id,
    });
  if (target.kind === 'internet-gateway') {
    const igw = world.internetGateways.find((g) => g.id === target.id);
    if (!igw || igw.vpcId !== subnet.vpcId)
      fail('route-blackhole', `route table ${table.id} sends ${route.destination} to ${target.id}, which is not attached to ${subnet.vpcId}`, { routeTableId: table.id });
    return { table, route, kind: 'igw' as const, id: target.id };
  }
  if (target.kind === 'nat-gateway') {
    if (!allowNat)
      fail('no-internet-gateway-route', `subnet ${subnet.id} has no route to an internet gateway (route table ${table.id} sends ${route.destination} to NAT gateway ${target.id}, which only carries connections that start inside the VPC)`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });
    return { table, route, kind: 'nat' as const, id: target.id };
  }
  return fail('route-target-not-simulated', `route table ${table.id} sends ${route.destination} to ${target.id}; forwarding through instances or interfaces is not simulated`, {
    routeTableId: table.id,
  });
}

/** From an instance out to an internet address; returns the public address the traffic leaves with. */
function outbound(world: NetworkWorld, src: Nic, peerIp: string, t: Traffic, path: Hop[]): string {
  const r = internetRoute(world, src.subnet, peerIp, true);
  if (r.kind === 'igw') {
    if (!src.eni.publicIp)
      fail('no-public-ip', `${src.label} has no public IP address, so its traffic cannot use internet gateway ${r.id}`, { source: src.eni.id });
    acl(world, src.subnet, 'outbound', 'request', peerIp, t, path);
    acl(world, src.subnet, 'inbound', 'reply', peerIp, t, path);
    sgOut(src, peerIp, [], t, path);
    path.push({ kind: 'route-table', id: r.table.id, note: `${r.route.destination} → ${r.id}` }, { kind: 'internet-gateway', id: r.id, note: `as ${src.eni.publicIp}` });
    return src.eni.publicIp!;
  }
  const nat = world.natGateways.find((n) => n.id === r.id)!;
  if (nat.state !== 'available') fail('nat-gateway-not-available', `NAT gateway ${nat.id} is ${nat.state}`, { natGatewayId: nat.id, state: nat.state });
  const natSubnet = world.subnets.find((s) => s.id === nat.subnetId)!;
  if (nat.connectivity !== 'public' || !nat.publicIp)
    fail('nat-gateway-no-internet', `NAT gateway ${nat.id} is private, so it cannot reach the internet`, { natGatewayId: nat.id });
  const natRoute = (() => {
    try {
      return internetRoute(world, natSubnet, peerIp, false);
    } catch (e) {
      if (e instanceof Blocked && (e.reason.code === 'no-internet-gateway-route' || e.reason.code === 'route-blackhole')) {
        const table = routeTableOf(world, natSubnet);
        return fail('nat-gateway-no-internet', `NAT gateway ${nat.id} is in subnet ${natSubnet.id}, which has no route to an internet gateway (route table ${table.id})`, {
          natGatewayId: nat.id,
          subnetId: natSubnet.id,
          routeTableId: table.id,
        });
      }
      throw e;
    }
  })();
  const natIp = nat.privateIp ?? '';
  acl(world, src.subnet, 'outbound', 'request', peerIp, t, path);
  acl(world, src.subnet, 'inbound', 'reply', peerIp, t, path);
  if (natSubnet.id !== src.subnet.id) {
    acl(world, natSubnet, 'inbound', 'request', src.eni.primaryIp, t, path);
    acl(world, natSubnet, 'outbound', 'reply', src.eni.primaryIp, t, path);
  }
  acl(world, natSubnet, 'outbound', 'request', peerIp, t, path);
  acl(world, natSubnet, 'inbound', 'reply', peerIp, t, path);
  sgOut(src, peerIp, [], t, path);
  path.push(
    { kind: 'route-table', id: r.table.id, note: `${r.route.destination} → ${nat.id}` },
    { kind: 'nat-gateway', id: nat.id, note: `${natIp} → ${nat.publicIp}` },
    { kind: 'route-table', id: natRoute.table.id, note: `${natRoute.route.destination} → ${natRoute.id}` },
    { kind: 'internet-gateway', id: natRoute.id, note: `as ${nat.publicIp}` },
  );
  return nat.publicIp!;
}

/** From an internet address in to an instance's public address. */
function inbound(world: NetworkWorld, dst: Nic, peerIp: string, t: Traffic, path: Hop[]): void {
  if (!dst.eni.publicIp) fail('no-public-ip', `${dst.label} has no public IP address`, { target: dst.eni.id });
  // Replies must find their way back out: the subnet needs its route to an attached internet gateway.
  const r = internetRoute(world, dst.subnet, peerIp, false);
  acl(world, dst.subnet, 'inbound', 'request', peerIp, t, path);
  acl(world, dst.subnet, 'outbound', 'reply', peerIp, t, path);
  // Across the internet only the address counts: group references work inside one VPC.
  sgIn(dst, peerIp, [], t, path);
  path.push({ kind: 'internet-gateway', id: r.id, note: `${dst.eni.publicIp} → ${dst.eni.primaryIp}` }, hopOf(dst));
}

/** True when `ip` is one of the world's private interface addresses (for callers resolving an address). */
export function interfaceByIp(world: NetworkWorld, ip: string): WorldInterface | undefined {
  return world.interfaces.find((n) => n.privateIps.includes(ip) || n.publicIp === ip);
}

