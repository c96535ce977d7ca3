/**
 * Classic Load Balancers (services/elasticloadbalancing) run on this folder's machinery: each one
 * is a hidden load balancer here (type `classic`, name `~NAME`, never listed by the v2 API) with
 * the same nodes in the network model, one hidden target group per instance port (`~NAME~PORT`)
 * carrying the classic health check, and listeners that forward to them. DNS, forwarding through
 * security groups, health checks and request counts are then those of an ALB.
 */
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../core/provider';
import { buildNetworkWorld } from '../ec2/index';
import { DEFAULT_LB_ATTRIBUTES, nodePrivateIp, nodePublicIp, nodesOf, PROVISIONING_MS, type LoadBalancerRow } from './state/load-balancers';
import { arnPrefix, dnsName, listenerArn } from './state/names';
import { DEFAULT_TG_ATTRIBUTES, type TargetGroupRow } from './state/target-groups';
import { healthOf, registerTarget, targetsOf } from './state/targets';

export interface ClassicListener {
  Protocol: string;
  LoadBalancerPort: number;
  InstanceProtocol?: string;
  InstancePort: number;
  SSLCertificateId?: string;
}

export interface ClassicHealthCheck {
  Target: string;
  Interval: number;
  Timeout: number;
  UnhealthyThreshold: number;
  HealthyThreshold: number;
}

/** `HTTP:80/index.html`, `TCP:22` → protocol, port, path. */
export function parseHealthTarget(target: string): { protocol: string; port: number; path: string | null } | undefined {
  const m = /^(HTTP|HTTPS|TCP|SSL):(\d{1,5})(\/.*)?$/i.exec(target);
  if (!m) return undefined;
  const protocol = m[1]!.toUpperCase();
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  if ((protocol === 'HTTP' || protocol === 'HTTPS') && !m[3]) return undefined;
  if ((protocol === 'TCP' || protocol === 'SSL') && m[3]) return undefined;
  return { protocol, port, path: m[3] ?? null };
}

const backingName = (name: string) => `~${name}`;
const groupName = (name: string, port: number) => `~${name}~${port}`;

export function createBacking(ctx: Ctx, lb: { name: string; scheme: 'internet-facing' | 'internal'; vpcId: string; subnets: { id: string; zone: string; cidr: string }[]; groups: string[] }): { arn: string; dnsName: string } {
  const arn = `${arnPrefix(ctx)}:loadbalancer/classic/${lb.name}/${randomBytes(8).toString('hex')}`;
  const dns = dnsName(ctx, lb.name, lb.scheme === 'internal');
  ctx.store
    .stmt(
      `INSERT INTO elbv2_load_balancers (account_id, region, arn, name, dns_name, scheme, type, vpc_id, ip_address_type, security_groups, attributes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'classic', ?, 'ipv4', ?, ?, ?)`,
    )
    .run(ctx.accountId, ctx.region, arn, backingName(lb.name), dns, lb.scheme, lb.vpcId, JSON.stringify(lb.groups), JSON.stringify(DEFAULT_LB_ATTRIBUTES), ctx.clock.now());
  setSubnets(ctx, arn, lb.subnets);
  return { arn, dnsName: dns };
}

/** The load balancer's nodes: one per subnet (kept where the subnet stays). */
export function setSubnets(ctx: Ctx, arn: string, subnets: { id: string; zone: string; cidr: string }[]): void {
  const lb = backing(ctx, arn);
  const have = nodesOf(ctx, arn);
  for (const n of have) if (!subnets.some((s) => s.id === n.subnet_id)) ctx.store.stmt('DELETE FROM elbv2_nodes WHERE lb_arn = ? AND subnet_id = ?').run(arn, n.subnet_id);
  for (const s of subnets) {
    if (have.some((n) => n.subnet_id === s.id)) continue;
    ctx.store
      .stmt('INSERT INTO elbv2_nodes (lb_arn, node_id, subnet_id, zone, private_ip, public_ip) VALUES (?, ?, ?, ?, ?, ?)')
      .run(arn, `${arn}#${randomBytes(4).toString('hex')}`, s.id, s.zone, nodePrivateIp(ctx, s.id, s.cidr), lb.scheme === 'internet-facing' ? nodePublicIp(ctx) : null);
  }
}

export function setSecurityGroups(ctx: Ctx, arn: string, groups: string[]): void {
  ctx.store.stmt('UPDATE elbv2_load_balancers SET security_groups = ? WHERE arn = ?').run(JSON.stringify(groups), arn);
}

const backing = (ctx: Ctx, arn: string): LoadBalancerRow => ctx.store.stmt('SELECT * FROM elbv2_load_balancers WHERE arn = ?').get(arn) as LoadBalancerRow;
const groupsOf = (ctx: Ctx, name: string): TargetGroupRow[] =>
  ctx.store.stmt("SELECT * FROM elbv2_target_groups WHERE account_id = ? AND region = ? AND name LIKE ? ESCAPE '\\' ORDER BY port").all(ctx.accountId, ctx.region, `~${name.replace(/[%_\\]/g, '\\$&')}~%`) as TargetGroupRow[];

function hcColumns(hc: ClassicHealthCheck) {
  const t = parseHealthTarget(hc.Target)!;
  const http = t.protocol === 'HTTP' || t.protocol === 'HTTPS';
  // A TCP/SSL check passes when anything answers on the port.
  return { protocol: t.protocol, port: String(t.port), path: t.path, matcher: JSON.stringify({ HttpCode: http ? '200' : '100-599' }) };
}

/**
 * Makes the listeners and the per-instance-port target groups match `listeners`; registered
 * instances are registered with every group.
 */
export function setListeners(ctx: Ctx, arn: string, name: string, listeners: ClassicListener[], hc: ClassicHealthCheck, instances: string[]): void {
  const lb = backing(ctx, arn);
  const ports = [...new Set(listeners.map((l) => l.InstancePort))];
  ctx.store.stmt('DELETE FROM elbv2_listeners WHERE lb_arn = ?').run(arn);
  for (const tg of groupsOf(ctx, name)) if (!ports.includes(tg.port ?? -1)) ctx.store.stmt('DELETE FROM elbv2_target_groups WHERE arn = ?').run(tg.arn);
  const c = hcColumns(hc);
  for (const port of ports) {
    if (groupsOf(ctx, name).some((g) => g.port === port)) continue;
    const tgArn = `${arnPrefix(ctx)}:targetgroup/${groupName(name, port)}/${randomBytes(8).toString('hex')}`;
    ctx.store
      .stmt(
        `INSERT INTO elbv2_target_groups (account_id, region, arn, name, protocol, port, vpc_id, target_type, protocol_version, hc_enabled, hc_protocol,
           hc_port, hc_path, hc_interval, hc_timeout, healthy_threshold, unhealthy_threshold, matcher, attributes, created_at)
         VALUES (?, ?, ?, ?, 'HTTP', ?, ?, 'instance', 'HTTP1', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ctx.accountId, ctx.region, tgArn, groupName(name, port), port, lb.vpc_id, c.protocol, c.port, c.path, hc.Interval, hc.Timeout, hc.HealthyThreshold, hc.UnhealthyThreshold, c.matcher,
        // Connection draining is off by default on a Classic Load Balancer: deregistered instances leave at once.
        JSON.stringify({ ...DEFAULT_TG_ATTRIBUTES, 'deregistration_delay.timeout_seconds': '0' }), ctx.clock.now(),
      );
  }
  for (const l of listeners) {
    const tg = groupsOf(ctx, name).find((g) => g.port === l.InstancePort)!;
    ctx.store
      .stmt('INSERT INTO elbv2_listeners (account_id, region, arn, lb_arn, port, protocol, ssl_policy, certificates, default_actions) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)')
      .run(ctx.accountId, ctx.region, listenerArn(arn), arn, l.LoadBalancerPort, l.Protocol.toUpperCase(), '[]', JSON.stringify([{ Type: 'forward', TargetGroupArn: tg.arn }]));
  }
  registerInstances(ctx, name, instances);
}

export function setHealthCheck(ctx: Ctx, name: string, hc: ClassicHealthCheck): void {
  const c = hcColumns(hc);
  for (const tg of groupsOf(ctx, name)) {
    ctx.store
      .stmt('UPDATE elbv2_target_groups SET hc_protocol = ?, hc_port = ?, hc_path = ?, hc_interval = ?, hc_timeout = ?, healthy_threshold = ?, unhealthy_threshold = ?, matcher = ? WHERE arn = ?')
      .run(c.protocol, c.port, c.path, hc.Interval, hc.Timeout, hc.HealthyThreshold, hc.UnhealthyThreshold, c.matcher, tg.arn);
  }
}

export function registerInstances(ctx: Ctx, name: string, ids: string[]): void {
  const world = buildNetworkWorld(ctx);
  for (const id of ids) {
    const eni = world.interfaces.find((n) => n.instanceId === id && (n.deviceIndex ?? 0) === 0);
    const zone = eni ? (world.subnets.find((s) => s.id === eni.subnetId)?.zone ?? null) : null;
    for (const tg of groupsOf(ctx, name)) if (!targetsOf(ctx, tg.arn).some((t) => t.target_id === id)) registerTarget(ctx, tg, id, tg.port!, zone);
  }
}

export function deregisterInstances(ctx: Ctx, name: string, ids: string[]): void {
  for (const tg of groupsOf(ctx, name)) for (const id of ids) ctx.store.stmt('DELETE FROM elbv2_targets WHERE tg_arn = ? AND target_id = ?').run(tg.arn, id);
}

/** InService / OutOfService with a Classic Load Balancer's reason codes and descriptions. */
export function instanceHealth(ctx: Ctx, name: string, hc: ClassicHealthCheck, id: string): { State: string; ReasonCode: string; Description: string } {
  const groups = groupsOf(ctx, name);
  const port = parseHealthTarget(hc.Target)?.port;
  const tg = groups.find((g) => g.port === port) ?? groups[0];
  const t = tg ? targetsOf(ctx, tg.arn).find((x) => x.target_id === id) : undefined;
  if (!tg || !t) return { State: 'OutOfService', ReasonCode: 'ELB', Description: 'Instance registration is still in progress.' };
  const h = healthOf(ctx, tg, t, true);
  if (h.State === 'healthy') return { State: 'InService', ReasonCode: 'N/A', Description: 'N/A' };
  if (h.State === 'unhealthy') return { State: 'OutOfService', ReasonCode: 'Instance', Description: 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.' };
  if (h.Reason === 'Target.InvalidState') return { State: 'OutOfService', ReasonCode: 'Instance', Description: `${h.Description ?? 'Instance is not running'}.`.replace('Target is', 'Instance is') };
  return { State: 'OutOfService', ReasonCode: 'ELB', Description: 'Instance registration is still in progress.' };
}

export function deleteBacking(ctx: Ctx, arn: string, name: string): void {
  ctx.store.stmt('DELETE FROM elbv2_load_balancers WHERE arn = ?').run(arn);
  for (const tg of groupsOf(ctx, name)) ctx.store.stmt('DELETE FROM elbv2_target_groups WHERE arn = ?').run(tg.arn);
}

export const backingActive = (ctx: Ctx, createdAt: number): boolean => ctx.clock.now() - createdAt >= PROVISIONING_MS;
