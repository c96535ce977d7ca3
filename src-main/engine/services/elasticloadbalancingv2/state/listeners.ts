/**
 * Listeners, their rules and actions. Actions and conditions are stored as the API's JSON, after
 * checking and normalising (a forward to one target group also gets its ForwardConfig, as AWS
 * answers). The default rule of a listener is its default actions.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../../core/provider';
import { invalidLoadBalancerAction, listenerNotFound, ruleNotFound, targetGroupAssociationLimit, targetGroupNotFound, validationError } from '../errors';
import { findTargetGroup, loadBalancersOfGroup } from './target-groups';

export interface ListenerRow {
  id: number;
  account_id: string;
  region: string;
  arn: string;
  lb_arn: string;
  port: number;
  protocol: string;
  ssl_policy: string | null;
  certificates: string;
  default_actions: string;
}

export interface RuleRow {
  id: number;
  arn: string;
  listener_arn: string;
  priority: number;
  conditions: string;
  actions: string;
}

export interface Action {
  Type: string;
  TargetGroupArn?: string;
  Order?: number;
  ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[]; TargetGroupStickinessConfig?: { Enabled?: boolean; DurationSeconds?: number } };
  FixedResponseConfig?: { MessageBody?: string; StatusCode: string; ContentType?: string };
  RedirectConfig?: { Protocol?: string; Port?: string; Host?: string; Path?: string; Query?: string; StatusCode: string };
}

export interface Condition {
  Field?: string;
  Values?: string[];
  HostHeaderConfig?: { Values?: string[] };
  PathPatternConfig?: { Values?: string[] };
  HttpHeaderConfig?: { HttpHeaderName?: string; Values?: string[] };
  HttpRequestMethodConfig?: { Values?: string[] };
  SourceIpConfig?: { Values?: string[] };
  QueryStringConfig?: { Values?: { Key?: string; Value: string }[] };
}

export function listListeners(ctx: Ctx, lbArn?: string): ListenerRow[] {
  if (lbArn) return ctx.store.stmt('SELECT * FROM elbv2_listeners WHERE lb_arn = ? ORDER BY id').all(lbArn) as ListenerRow[];
  return ctx.store.stmt('SELECT * FROM elbv2_listeners WHERE account_id = ? AND region = ? ORDER BY id').all(ctx.accountId, ctx.region) as ListenerRow[];
}

export function getListener(ctx: Ctx, arn: string): ListenerRow {
  const row = ctx.store.stmt('SELECT * FROM elbv2_listeners WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, arn) as ListenerRow | undefined;
  if (!row) throw listenerNotFound(`Listener '${arn}' not found`);
  return row;
}

export const rulesOf = (ctx: Ctx, listenerArn: string): RuleRow[] =>
  ctx.store.stmt('SELECT * FROM elbv2_rules WHERE listener_arn = ? ORDER BY priority').all(listenerArn) as RuleRow[];

export function getRule(ctx: Ctx, arn: string): RuleRow {
  const row = ctx.store.stmt('SELECT * FROM elbv2_rules WHERE account_id = ? AND region = ? AND arn = ?').get(ctx.accountId, ctx.region, arn) as RuleRow | undefined;
  if (!row) throw ruleNotFound(`Rule '${arn}' not found`);
  return row;
}

/** The target groups an action list forwards to. */
export function targetGroupsOf(actions: readonly Action[]): string[] {
  const out: string[] = [];
  for (const a of actions) {
    if (a.Type !== 'forward') continue;
    for (const t of a.ForwardConfig?.TargetGroups ?? []) if (t.TargetGroupArn) out.push(t.TargetGroupArn);
  }
  return [...new Set(out)];
}

/** Checks and normalises actions for a listener of `lbArn`. */
export function checkActions(ctx: Ctx, lbArn: string, actions: readonly Action[] | undefined): Action[] {
  if (!actions || actions.length === 0) throw validationError('A default action must be specified');
  const out = actions.map((a, i): Action => {
    const type = a.Type;
    const order = a.Order ?? i + 1;
    if (type === 'forward') {
      const groups = a.ForwardConfig?.TargetGroups?.length ? a.ForwardConfig.TargetGroups : a.TargetGroupArn ? [{ TargetGroupArn: a.TargetGroupArn }] : [];
      if (groups.length === 0) throw validationError("A target group ARN must be specified for a 'forward' action");
      for (const g of groups) {
        const tg = g.TargetGroupArn ? findTargetGroup(ctx, g.TargetGroupArn) : undefined;
        if (!tg) throw targetGroupNotFound(`Target groups '${g.TargetGroupArn ?? ''}' not found`);
        const other = loadBalancersOfGroup(ctx, tg.arn).filter((x) => x !== lbArn);
        if (other.length > 0) throw targetGroupAssociationLimit(`The following target groups cannot be associated with more than one load balancer: ${tg.arn}`);
      }
      const forward = {
        TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn!, Weight: g.Weight ?? 1 })),
        TargetGroupStickinessConfig: { Enabled: a.ForwardConfig?.TargetGroupStickinessConfig?.Enabled ?? false, ...(a.ForwardConfig?.TargetGroupStickinessConfig?.DurationSeconds ? { DurationSeconds: a.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds } : {}) },
      };
      return { Type: 'forward', ...(groups.length === 1 ? { TargetGroupArn: groups[0]!.TargetGroupArn! } : {}), Order: order, ForwardConfig: forward };
    }
    if (type === 'fixed-response') {
      const c = a.FixedResponseConfig;
      if (!c?.StatusCode) throw validationError("A fixed response config must be specified for a 'fixed-response' action");
      if (!/^[2-5]\d\d$/.test(c.StatusCode)) throw validationError(`1 validation error detected: Value '${c.StatusCode}' at 'fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$`);
      return { Type: type, Order: order, FixedResponseConfig: { StatusCode: c.StatusCode, ...(c.MessageBody !== undefined ? { MessageBody: c.MessageBody } : {}), ContentType: c.ContentType ?? 'text/plain' } };
    }
    if (type === 'redirect') {
      const c = a.RedirectConfig;
      if (!c?.StatusCode) throw validationError("A redirect config must be specified for a 'redirect' action");
      return {
        Type: type,
        Order: order,
        RedirectConfig: { Protocol: c.Protocol ?? '#{protocol}', Port: c.Port ?? '#{port}', Host: c.Host ?? '#{host}', Path: c.Path ?? '/#{path}', Query: c.Query ?? '#{query}', StatusCode: c.StatusCode },
      };
    }
    throw invalidLoadBalancerAction(`The action type '${type}' is not supported by Nimbus Lab's load balancers (forward, fixed-response and redirect are)`);
  });
  return out.sort((x, y) => (x.Order ?? 0) - (y.Order ?? 0));
}

/** Normalises conditions (the old Field/Values form gets its *Config twin, as AWS answers). */
export function checkConditions(conditions: readonly Condition[] | undefined): Condition[] {
  if (!conditions || conditions.length === 0) throw validationError('A condition must be specified');
  return conditions.map((c) => {
    const field = c.Field;
    if (field === 'path-pattern') {
      const values = c.PathPatternConfig?.Values ?? c.Values ?? [];
      return { Field: field, Values: values, PathPatternConfig: { Values: values } };
    }
    if (field === 'host-header') {
      const values = c.HostHeaderConfig?.Values ?? c.Values ?? [];
      return { Field: field, Values: values, HostHeaderConfig: { Values: values } };
    }
    if (field === 'http-request-method') return { Field: field, HttpRequestMethodConfig: { Values: c.HttpRequestMethodConfig?.Values ?? c.Values ?? [] } };
    if (field === 'http-header') return { Field: field, HttpHeaderConfig: { HttpHeaderName: c.HttpHeaderConfig?.HttpHeaderName ?? '', Values: c.HttpHeaderConfig?.Values ?? [] } };
    if (field === 'source-ip') return { Field: field, SourceIpConfig: { Values: c.SourceIpConfig?.Values ?? c.Values ?? [] } };
    if (field === 'query-string') return { Field: field, QueryStringConfig: { Values: c.QueryStringConfig?.Values ?? [] } };
    throw validationError(`Condition field '${field ?? ''}' must be one of '[http-header, http-request-method, host-header, path-pattern, query-string, source-ip]'`);
  });
}

const wildcard = (pattern: string, flags = ''): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags);

/** Whether a request meets every condition of a rule. */
export function conditionsMatch(conditions: readonly Condition[], req: { method: string; host: string; path: string; headers: Record<string, string> }): boolean {
  const path = req.path.split('?')[0] ?? '/';
  const query = new URLSearchParams(req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : '');
  const host = req.host.replace(/:\d+$/, '');
  return conditions.every((c) => {
    switch (c.Field) {
      case 'path-pattern':
        return (c.PathPatternConfig?.Values ?? []).some((v) => wildcard(v).test(path));
      case 'host-header':
        return (c.HostHeaderConfig?.Values ?? []).some((v) => wildcard(v, 'i').test(host));
      case 'http-request-method':
        return (c.HttpRequestMethodConfig?.Values ?? []).includes(req.method);
      case 'http-header': {
        const value = req.headers[(c.HttpHeaderConfig?.HttpHeaderName ?? '').toLowerCase()];
        return value !== undefined && (c.HttpHeaderConfig?.Values ?? []).some((v) => wildcard(v, 'i').test(value));
      }
      case 'query-string':
        return (c.QueryStringConfig?.Values ?? []).some((kv) => (kv.Key === undefined ? [...query.values()].some((v) => wildcard(kv.Value, 'i').test(v)) : wildcard(kv.Value, 'i').test(query.get(kv.Key) ?? '\0')));
      default:
        return false;
    }
  });
}

export function listenerOutput(l: ListenerRow) {
  const certs = JSON.parse(l.certificates) as { CertificateArn: string }[];
  return {
    ListenerArn: l.arn,
    LoadBalancerArn: l.lb_arn,
    Port: l.port,
    Protocol: l.protocol,
    ...(certs.length ? { Certificates: certs } : {}),
    ...(l.ssl_policy ? { SslPolicy: l.ssl_policy } : {}),
    DefaultActions: JSON.parse(l.default_actions) as Action[],
  };
}

export function ruleOutput(r: RuleRow) {
  return { RuleArn: r.arn, Priority: String(r.priority), Conditions: JSON.parse(r.conditions) as Condition[], Actions: JSON.parse(r.actions) as Action[], IsDefault: false };
}

export function defaultRuleOutput(l: ListenerRow) {
  return { RuleArn: `${l.arn.replace(':listener/', ':listener-rule/')}/${createHash('sha1').update(l.arn).digest('hex').slice(0, 16)}`, Priority: 'default', Conditions: [], Actions: JSON.parse(l.default_actions) as Action[], IsDefault: true };
}
