/**
 * Load balancers and their nodes. A node is the load balancer's address in one of its subnets: a
 * private address from the top of the subnet (EC2 hands addresses out from the bottom) and, for an
 * internet-facing one, a public address from the region's load balancer pool.
 */
import type { Ctx } from '../../../core/provider';
import { formatIpv4, parseCidr } from '../../../network/index';
import { loadBalancerNotFound } from '../errors';
import { canonicalHostedZoneId } from './names';

export interface LoadBalancerRow {
  id: number;
  account_id: string;
  region: string;
  arn: string;
  name: string;
  dns_name: string;
  scheme: 'internet-facing' | 'internal';
  type: string;
  vpc_id: string;
  ip_address_type: string;
  security_groups: string;
  attributes: string;
  created_at: number;
}

export interface NodeRow {
  lb_arn: string;
  node_id: string;
  subnet_id: string;
  zone: string;
  private_ip: string;
  public_ip: string | null;
}

/** How long a new load balancer stays `provisioning` (simulated). */
export const PROVISIONING_MS = 60_000;

export const DEFAULT_LB_ATTRIBUTES: Record<string, string> = {
  'access_logs.s3.enabled': 'false',
  'access_logs.s3.bucket': '',
  'access_logs.s3.prefix': '',
  'deletion_protection.enabled': 'false',
  'idle_timeout.timeout_seconds': '60',
  'routing.http.desync_mitigation_mode': 'defensive',
  'routing.http.drop_invalid_header_fields.enabled': 'false',
  'routing.http.x_amzn_tls_version_and_cipher_suite.enabled': 'false',
  'routing.http.xff_client_port.enabled': 'false',
  'routing.http.xff_header_processing.mode': 'append',
  'routing.http2.enabled': 'true',
  'waf.fail_open.enabled': 'false',
};

/** Application Load Balancers (Classic ones live here too, hidden: classic-backing.ts). */
export function listLoadBalancers(ctx: Ctx): LoadBalancerRow[] {
  return ctx.store.stmt("SELECT * FROM elbv2_load_balancers WHERE account_id = ? AND region = ? AND type != 'classic' ORDER BY id").all(ctx.accountId, ctx.region) as LoadBalancerRow[];
}

export function findLoadBalancer(ctx: Ctx, arn: string): LoadBalancerRow | undefined {
  return ctx.store.stmt('SELECT * FROM elbv2_load_balancers WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, arn) as LoadBalancerRow | undefined;
}

export function getLoadBalancer(ctx: Ctx, arn: string): LoadBalancerRow {
  const lb = findLoadBalancer(ctx, arn);
  if (!lb) throw loadBalancerNotFound(`Load balancer '${arn}' not found`);
  return lb;
}

export const nodesOf = (ctx: Ctx, lbArn: string): NodeRow[] =>
  ctx.store.stmt('SELECT * FROM elbv2_nodes WHERE lb_arn = ? ORDER BY zone, subnet_id').all(lbArn) as NodeRow[];

/** A private address near the top of the subnet that neither EC2 nor another load balancer uses. */
export function nodePrivateIp(ctx: Ctx, subnetId: string, cidr: string): string {
  const block = parseCidr(cidr)!;
  const ec2Taken = ctx.store.stmt('SELECT 1 FROM ec2_eni_private_ips WHERE subnet_id = ? AND private_ip = ?');
  const lbTaken = ctx.store.stmt('SELECT 1 FROM elbv2_nodes WHERE subnet_id = ? AND private_ip = ?');
  for (let num = block.last - 1; num >= block.first + 4; num--) {
    const ip = formatIpv4(num);
    if (!ec2Taken.get(subnetId, ip) && !lbTaken.get(subnetId, ip)) return ip;
  }
  return formatIpv4(block.last - 1);
}

/** Load balancer addresses come from their own public pool (3.208.0.0/12 and up), apart from EC2's. */
export function nodePublicIp(ctx: Ctx): string {
  const row = ctx.store.stmt('SELECT next FROM elbv2_public_ip_seq WHERE region = ?').get(ctx.region) as { next: number } | undefined;
  const n = row?.next ?? 0;
  ctx.store.stmt('INSERT INTO elbv2_public_ip_seq (region, next) VALUES (?, ?) ON CONFLICT (region) DO UPDATE SET next = excluded.next').run(ctx.region, n + 1);
  let h = 0;
  for (const c of ctx.region) h = (h * 31 + c.charCodeAt(0)) % 16;
  const host = 10 + n;
  return `3.${208 + h}.${Math.floor(host / 250) % 256}.${(host % 250) + 1}`;
}

export function stateOf(ctx: Ctx, lb: LoadBalancerRow): { Code: string } {
  return { Code: ctx.clock.now() - lb.created_at >= PROVISIONING_MS ? 'active' : 'provisioning' };
}

export function loadBalancerOutput(ctx: Ctx, lb: LoadBalancerRow) {
  const nodes = nodesOf(ctx, lb.arn);
  return {
    LoadBalancerArn: lb.arn,
    DNSName: lb.dns_name,
    CanonicalHostedZoneId: canonicalHostedZoneId(lb.region),
    CreatedTime: new Date(lb.created_at),
    LoadBalancerName: lb.name,
    Scheme: lb.scheme,
    VpcId: lb.vpc_id,
    State: stateOf(ctx, lb),
    Type: lb.type,
    AvailabilityZones: nodes.map((n) => ({ ZoneName: n.zone, SubnetId: n.subnet_id, LoadBalancerAddresses: [] })),
    SecurityGroups: JSON.parse(lb.security_groups) as string[],
    IpAddressType: lb.ip_address_type,
  };
}
