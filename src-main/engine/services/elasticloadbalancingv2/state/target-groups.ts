/** Target groups: settings, health-check settings and attributes. */
import type { Ctx } from '../../../core/provider';
import { targetGroupNotFound } from '../errors';

export interface TargetGroupRow {
  id: number;
  account_id: string;
  region: string;
  arn: string;
  name: string;
  protocol: string | null;
  port: number | null;
  vpc_id: string | null;
  target_type: string;
  protocol_version: string | null;
  hc_enabled: number;
  hc_protocol: string | null;
  hc_port: string;
  hc_path: string | null;
  hc_interval: number;
  hc_timeout: number;
  healthy_threshold: number;
  unhealthy_threshold: number;
  /** JSON: { HttpCode } */
  matcher: string;
  attributes: string;
  created_at: number;
}

export const DEFAULT_TG_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'slow_start.duration_seconds': '0',
};

export function listTargetGroups(ctx: Ctx): TargetGroupRow[] {
  return ctx.store.stmt("SELECT * FROM elbv2_target_groups WHERE account_id = ? AND region = ? AND name NOT LIKE '~%' ORDER BY id").all(ctx.accountId, ctx.region) as TargetGroupRow[];
}

export function findTargetGroup(ctx: Ctx, arn: string): TargetGroupRow | undefined {
  return ctx.store.stmt('SELECT * FROM elbv2_target_groups WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, arn) as TargetGroupRow | undefined;
}

export function getTargetGroup(ctx: Ctx, arn: string): TargetGroupRow {
  const tg = findTargetGroup(ctx, arn);
  if (!tg) throw targetGroupNotFound(`Target groups '${arn}' not found`);
  return tg;
}

/** The load balancers whose listeners or rules forward to the group. */
export function loadBalancersOfGroup(ctx: Ctx, tgArn: string): string[] {
  const rows = ctx.store
    .stmt(
      `SELECT DISTINCT l.lb_arn AS arn FROM elbv2_listeners l
        WHERE l.default_actions LIKE '%' || ? || '%'
           OR EXISTS (SELECT 1 FROM elbv2_rules r WHERE r.listener_arn = l.arn AND r.actions LIKE '%' || ? || '%')
        ORDER BY l.lb_arn`,
    )
    .all(`"${tgArn}"`, `"${tgArn}"`) as { arn: string }[];
  return rows.map((r) => r.arn);
}

export const attributesOf = (row: { attributes: string }): Record<string, string> => JSON.parse(row.attributes) as Record<string, string>;

export function targetGroupOutput(ctx: Ctx, tg: TargetGroupRow) {
  return {
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    ...(tg.protocol ? { Protocol: tg.protocol } : {}),
    ...(tg.port !== null ? { Port: tg.port } : {}),
    ...(tg.vpc_id ? { VpcId: tg.vpc_id } : {}),
    ...(tg.hc_protocol ? { HealthCheckProtocol: tg.hc_protocol } : {}),
    HealthCheckPort: tg.hc_port,
    HealthCheckEnabled: tg.hc_enabled === 1,
    HealthCheckIntervalSeconds: tg.hc_interval,
    HealthCheckTimeoutSeconds: tg.hc_timeout,
    HealthyThresholdCount: tg.healthy_threshold,
    UnhealthyThresholdCount: tg.unhealthy_threshold,
    ...(tg.hc_path ? { HealthCheckPath: tg.hc_path } : {}),
    Matcher: JSON.parse(tg.matcher) as { HttpCode?: string },
    LoadBalancerArns: loadBalancersOfGroup(ctx, tg.arn),
    TargetType: tg.target_type,
    ...(tg.protocol_version ? { ProtocolVersion: tg.protocol_version } : {}),
    IpAddressType: 'ipv4',
  };
}

/** `200`, `200,302`, `200-299`: does `status` match? */
export function matches(httpCode: string, status: number): boolean {
  return httpCode.split(',').some((part) => {
    const [a, b] = part.trim().split('-');
    const lo = Number(a);
    const hi = b === undefined ? lo : Number(b);
    return status >= lo && status <= hi;
  });
}
