/** Classic Load Balancers: rows, lookups, placement and the API's shape. */
import type { Ctx } from '../../../core/provider';
import { buildNetworkWorld, ensureDefaultVpc } from '../../ec2/index';
import { classicBacking } from '../../elasticloadbalancingv2/index';
import { invalidConfigurationRequest, invalidSecurityGroup, loadBalancerNotFound, subnetNotFound, validationError } from '../errors';

export type ClassicListener = classicBacking.ClassicListener;
export type ClassicHealthCheck = classicBacking.ClassicHealthCheck;

export interface ClassicRow {
  id: number;
  account_id: string;
  region: string;
  name: string;
  backing_arn: string;
  dns_name: string;
  scheme: 'internet-facing' | 'internal';
  vpc_id: string;
  subnets: string;
  zones: string;
  security_groups: string;
  listeners: string;
  health_check: string;
  instances: string;
  attributes: string;
  created_at: number;
}

export const DEFAULT_ATTRIBUTES = {
  CrossZoneLoadBalancing: { Enabled: false },
  AccessLog: { Enabled: false },
  ConnectionDraining: { Enabled: false, Timeout: 300 },
  ConnectionSettings: { IdleTimeout: 60 },
  AdditionalAttributes: [] as { Key?: string; Value?: string }[],
};

export const listClassic = (ctx: Ctx): ClassicRow[] =>
  ctx.store.stmt('SELECT * FROM elb_load_balancers WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as ClassicRow[];

export const findClassic = (ctx: Ctx, name: string): ClassicRow | undefined =>
  ctx.store.stmt('SELECT * FROM elb_load_balancers WHERE account_id = ? AND region = ? AND name = ?').get(ctx.accountId, ctx.region, name) as ClassicRow | undefined;

export function getClassic(ctx: Ctx, name: string): ClassicRow {
  const lb = findClassic(ctx, name);
  if (!lb) throw loadBalancerNotFound(name);
  return lb;
}

export const json = <T>(s: string): T => JSON.parse(s) as T;

/** AWS's default: a TCP check of the first listener's instance port every 30 s. */
export const defaultHealthCheck = (listeners: ClassicListener[]): ClassicHealthCheck => ({
  Target: `TCP:${listeners[0]?.InstancePort ?? 80}`,
  Interval: 30,
  Timeout: 5,
  UnhealthyThreshold: 2,
  HealthyThreshold: 10,
});

export function checkListeners(listeners: readonly { Protocol?: string; LoadBalancerPort?: number; InstanceProtocol?: string; InstancePort?: number; SSLCertificateId?: string }[]): ClassicListener[] {
  return listeners.map((l) => {
    const protocol = (l.Protocol ?? '').toUpperCase();
    if (!['HTTP', 'HTTPS', 'TCP', 'SSL'].includes(protocol)) throw validationError(`Invalid protocol '${l.Protocol ?? ''}': listeners use HTTP, HTTPS, TCP or SSL.`);
    if ((protocol === 'HTTPS' || protocol === 'SSL') && !l.SSLCertificateId) throw validationError('A certificate (SSLCertificateId) is required for HTTPS and SSL listeners.');
    const port = l.LoadBalancerPort ?? 0;
    const instancePort = l.InstancePort ?? 0;
    if (port < 1 || port > 65535 || instancePort < 1 || instancePort > 65535) throw validationError('Listener ports must be between 1 and 65535.');
    const instanceProtocol = (l.InstanceProtocol ?? (protocol === 'HTTPS' ? 'HTTP' : protocol === 'SSL' ? 'TCP' : protocol)).toUpperCase();
    return { Protocol: protocol, LoadBalancerPort: port, InstanceProtocol: instanceProtocol, InstancePort: instancePort, ...(l.SSLCertificateId ? { SSLCertificateId: l.SSLCertificateId } : {}) };
  });
}

export function checkHealthCheck(hc: ClassicHealthCheck): ClassicHealthCheck {
  if (!classicBacking.parseHealthTarget(hc.Target))
    throw validationError(`Invalid HealthCheck target '${hc.Target}': use TCP:port or SSL:port, or HTTP:port/path or HTTPS:port/path.`);
  if (hc.Interval < 5 || hc.Interval > 300) throw validationError('HealthCheck interval must be between 5 and 300 seconds.');
  if (hc.Timeout < 2 || hc.Timeout > 60) throw validationError('HealthCheck timeout must be between 2 and 60 seconds.');
  if (hc.Timeout >= hc.Interval) throw validationError('HealthCheck timeout must be less than interval.');
  if (hc.UnhealthyThreshold < 2 || hc.UnhealthyThreshold > 10 || hc.HealthyThreshold < 2 || hc.HealthyThreshold > 10) throw validationError('HealthCheck thresholds must be between 2 and 10.');
  return { Target: hc.Target.replace(/^[a-z]+/i, (p) => p.toUpperCase()), Interval: hc.Interval, Timeout: hc.Timeout, UnhealthyThreshold: hc.UnhealthyThreshold, HealthyThreshold: hc.HealthyThreshold };
}

/** Subnets (one per zone) or, given zones only, the default VPC's subnets in them. */
export function placement(ctx: Ctx, subnetIds: readonly string[] | undefined, zones: readonly string[] | undefined) {
  const defaultVpc = ensureDefaultVpc(ctx);
  const world = buildNetworkWorld(ctx);
  let subnets;
  if (subnetIds?.length) {
    subnets = subnetIds.map((id) => {
      const s = world.subnets.find((x) => x.id === id);
      if (!s) throw subnetNotFound(`One or more subnets were not found: ${id}`);
      return s;
    });
  } else if (zones?.length) {
    subnets = zones.map((z) => {
      const s = world.subnets.find((x) => x.zone === z && x.vpcId === defaultVpc?.vpc_id);
      if (!s) throw validationError(`Invalid Availability Zone or no default subnet in it: ${z}`);
      return s;
    });
  } else throw validationError('Either AvailabilityZones or SubnetIds must be specified');
  const vpcId = subnets[0]!.vpcId;
  if (subnets.some((s) => s.vpcId !== vpcId)) throw invalidConfigurationRequest('All subnets must belong to the same VPC.');
  if (new Set(subnets.map((s) => s.zone)).size !== subnets.length) throw invalidConfigurationRequest('Only one subnet per Availability Zone can be attached to a load balancer.');
  return { vpcId, subnets: subnets.map((s) => ({ id: s.id, zone: s.zone, cidr: s.cidr })), world };
}

export function checkGroups(ctx: Ctx, world: ReturnType<typeof buildNetworkWorld>, vpcId: string, groups: readonly string[] | undefined): string[] {
  for (const g of groups ?? []) {
    const sg = world.securityGroups.find((x) => x.id === g);
    if (!sg || sg.vpcId !== vpcId) throw invalidSecurityGroup(`One or more security groups are invalid: ${g}`);
  }
  if (groups?.length) return [...groups];
  const def = world.securityGroups.find((x) => x.vpcId === vpcId && x.name === 'default');
  return def ? [def.id] : [];
}

export function tagsOf(ctx: Ctx, name: string): { Key: string; Value: string }[] {
  return (ctx.store.stmt('SELECT key, value FROM elb_tags WHERE account_id = ? AND region = ? AND lb_name = ? ORDER BY key').all(ctx.accountId, ctx.region, name) as { key: string; value: string }[]).map((t) => ({
    Key: t.key,
    Value: t.value,
  }));
}

export function classicOutput(ctx: Ctx, lb: ClassicRow) {
  const world = buildNetworkWorld(ctx);
  const groups = json<string[]>(lb.security_groups);
  const first = world.securityGroups.find((g) => g.id === groups[0]);
  return {
    LoadBalancerName: lb.name,
    DNSName: lb.dns_name,
    CanonicalHostedZoneName: lb.dns_name,
    CanonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
    ListenerDescriptions: json<ClassicListener[]>(lb.listeners).map((l) => ({ Listener: l, PolicyNames: [] })),
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
    BackendServerDescriptions: [],
    AvailabilityZones: json<string[]>(lb.zones),
    Subnets: json<{ id: string }[]>(lb.subnets).map((s) => s.id),
    VPCId: lb.vpc_id,
    Instances: json<string[]>(lb.instances).map((id) => ({ InstanceId: id })),
    HealthCheck: json<ClassicHealthCheck>(lb.health_check),
    SourceSecurityGroup: { OwnerAlias: lb.account_id, GroupName: first?.name ?? 'default' },
    SecurityGroups: groups,
    CreatedTime: new Date(lb.created_at),
    Scheme: lb.scheme,
  };
}
