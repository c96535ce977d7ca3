/**
 * The load balancers' data plane, for the guests' network (terminals/network.ts wires it): their
 * DNS names, connections to their nodes (checked against the load balancer's security groups), and
 * each HTTP request evaluated against the listener's rules, then forwarded round-robin to a healthy
 * target's web server through the network model (the node's and the target's groups apply). The
 * targets see the node's private address as the client and the real one in X-Forwarded-For.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/clock';
import type { Ctx } from '../../core/provider';
import type { ConnectResult, HttpRequestIn, HttpResponseOut } from '../../guest/types';
import type { Endpoint } from '../../network/index';
import type { Store } from '../../store/store';
import { instanceInfo } from '../ec2/index';
import { elbCtx } from './state/context';
import { registerProber } from './health';
import { conditionsMatch, rulesOf, type Action, type Condition, type ListenerRow } from './state/listeners';
import { PROVISIONING_MS, type LoadBalancerRow, type NodeRow } from './state/load-balancers';
import { nodeReach, worldWithNodes } from './state/node-network';
import { getTargetGroup, matches, type TargetGroupRow } from './state/target-groups';
import { targetsOf, type ProbeResult, type TargetRow } from './state/targets';
import { recordRequest } from './metrics';

/** Who is connecting: the workstation, or an instance (its account, region and VPCs). */
export type Client = { kind: 'workstation'; ip: string } | { kind: 'instance'; instanceId: string; accountId: string; region: string; vpcIds: string[]; ip: string };

export interface LoadBalancerDataPlane {
  /** The address a load balancer's DNS name answers with (undefined: not a load balancer's name). */
  resolve(name: string): string | undefined;
  /** A connection to a node's address (undefined: the address is no load balancer's). */
  connect(client: Client, address: string, protocol: 'tcp' | 'udp' | 'icmp', port: number): ConnectResult | undefined;
}

export interface DataPlaneDeps {
  store: Store;
  clock: Clock;
  /** An instance's web server answering a request (undefined: nothing listens on that port). */
  http(accountId: string, region: string, instanceId: string, req: HttpRequestIn): Promise<HttpResponseOut | undefined>;
}

type Located = { lb: LoadBalancerRow; node: NodeRow };

const errorPage = (status: number, text: string): HttpResponseOut => {
  const body = `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return { status, statusText: text, headers: { server: 'awselb/2.0', 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)) }, body };
};

export function createLoadBalancerDataPlane(deps: DataPlaneDeps): LoadBalancerDataPlane {
  const { store, clock } = deps;
  const turns = new Map<string, number>();
  const next = (key: string, n: number): number => {
    const i = turns.get(key) ?? 0;
    turns.set(key, i + 1);
    return i % n;
  };
  const ctxOf = (lb: LoadBalancerRow): Ctx => elbCtx(store, clock, lb.account_id, lb.region);
  /**
   * The network model is rebuilt only when something was written through the API since (the
   * newest event row) or a simulated second passed (instance states move on the clock): building
   * it for every request cost more than the forwarding itself.
   */
  const worlds = new Map<string, { key: string; world: ReturnType<typeof worldWithNodes> }>();
  const world = (ctx: Ctx) => {
    const last = (store.stmt('SELECT max(rowid) AS m FROM events').get() as { m: number | null }).m ?? 0;
    const key = `${last}:${Math.floor(clock.now() / 1000)}`;
    const id = `${ctx.accountId}/${ctx.region}`;
    const hit = worlds.get(id);
    if (hit?.key === key) return hit.world;
    const fresh = worldWithNodes(ctx);
    worlds.set(id, { key, world: fresh });
    return fresh;
  };
  const active = (lb: LoadBalancerRow) => clock.now() - lb.created_at >= PROVISIONING_MS;

  function locate(client: Client, address: string): Located | undefined {
    const byPublic = store.stmt('SELECT * FROM elbv2_nodes WHERE public_ip = ?').get(address) as NodeRow | undefined;
    let node = byPublic;
    if (!node && client.kind === 'instance') {
      const candidates = store.stmt('SELECT * FROM elbv2_nodes WHERE private_ip = ?').all(address) as NodeRow[];
      node = candidates.find((n) => {
        const lb = store.stmt('SELECT vpc_id, account_id, region FROM elbv2_load_balancers WHERE arn = ?').get(n.lb_arn) as { vpc_id: string; account_id: string; region: string };
        return lb.account_id === client.accountId && lb.region === client.region && client.vpcIds.includes(lb.vpc_id);
      });
    }
    if (!node) return undefined;
    const lb = store.stmt('SELECT * FROM elbv2_load_balancers WHERE arn = ?').get(node.lb_arn) as LoadBalancerRow;
    return { lb, node };
  }

  function clientEndpoint(client: Client, lb: LoadBalancerRow): Endpoint {
    if (client.kind === 'workstation') return { kind: 'workstation' };
    if (client.accountId === lb.account_id && client.region === lb.region) return { kind: 'instance', instanceId: client.instanceId };
    return { kind: 'internet', ip: client.ip };
  }

  /** Healthy targets first; when none is healthy the load balancer fails open to every registered one. */
  function pickTarget(ctx: Ctx, tg: TargetGroupRow): TargetRow | undefined {
    const running = targetsOf(ctx, tg.arn).filter((t) => t.state !== 'draining' && (tg.target_type !== 'instance' || instanceInfo(ctx, t.target_id)?.state === 'running'));
    const healthy = running.filter((t) => t.state === 'healthy');
    const pool = healthy.length ? healthy : running;
    if (pool.length === 0) return undefined;
    return pool[next(tg.arn, pool.length)];
  }

  function chooseGroup(action: Action): string | undefined {
    const groups = action.ForwardConfig?.TargetGroups ?? (action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }] : []);
    const total = groups.reduce((s, g) => s + (g.Weight ?? 1), 0);
    if (total <= 0) return groups[0]?.TargetGroupArn;
    let pick = Math.random() * total;
    for (const g of groups) {
      pick -= g.Weight ?? 1;
      if (pick < 0) return g.TargetGroupArn;
    }
    return groups.at(-1)?.TargetGroupArn;
  }

  async function forward(ctx: Ctx, loc: Located, listener: ListenerRow, action: Action, req: HttpRequestIn, client: Client): Promise<{ res: HttpResponseOut; tg?: string; target?: string }> {
    const tgArn = chooseGroup(action);
    const tg = tgArn ? ctx.store.read(() => getTargetGroup(ctx, tgArn)) : undefined;
    if (!tg) return { res: errorPage(503, 'Service Temporarily Unavailable') };
    const target = ctx.store.read(() => pickTarget(ctx, tg));
    if (!target) return { res: errorPage(503, 'Service Temporarily Unavailable'), tg: tg.arn };
    const reach = ctx.store.read(() => nodeReach(world(ctx), { kind: 'interface', interfaceId: loc.node.node_id }, { kind: 'instance', instanceId: target.target_id }, 'tcp', target.port));
    if (!reach.ok) return { res: errorPage(504, 'Gateway Time-out'), tg: tg.arn, target: target.target_id };
    const headers = {
      ...req.headers,
      'x-forwarded-for': req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${client.ip}` : client.ip,
      'x-forwarded-proto': listener.protocol.toLowerCase(),
      'x-forwarded-port': String(listener.port),
      'x-amzn-trace-id': `Root=1-${Math.floor(clock.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`,
    };
    const res = await deps.http(ctx.accountId, ctx.region, target.target_id, { ...req, port: target.port, headers, sourceIp: loc.node.private_ip });
    return { res: res ?? errorPage(502, 'Bad Gateway'), tg: tg.arn, target: target.target_id };
  }

  async function serve(loc: Located, client: Client, req: HttpRequestIn): Promise<HttpResponseOut> {
    const ctx = ctxOf(loc.lb);
    const started = clock.now();
    const found = store.read(() => {
      const listener = store.stmt('SELECT * FROM elbv2_listeners WHERE lb_arn = ? AND port = ?').get(loc.lb.arn, req.port) as ListenerRow | undefined;
      if (!listener) return undefined;
      const rule = rulesOf(ctx, listener.arn).find((r) => conditionsMatch(JSON.parse(r.conditions) as Condition[], { ...req, host: req.headers.host ?? req.host }));
      return { listener, actions: JSON.parse(rule ? rule.actions : listener.default_actions) as Action[] };
    });
    if (!found) return errorPage(503, 'Service Temporarily Unavailable');
    const action = found.actions[0]!;
    let out: { res: HttpResponseOut; tg?: string; target?: string };
    if (action.Type === 'fixed-response') {
      const c = action.FixedResponseConfig!;
      const body = c.MessageBody ?? '';
      out = { res: { status: Number(c.StatusCode), statusText: '', headers: { server: 'awselb/2.0', 'content-type': c.ContentType ?? 'text/plain', 'content-length': String(Buffer.byteLength(body)) }, body } };
    } else if (action.Type === 'redirect') {
      const c = action.RedirectConfig!;
      const [path, query] = req.path.split('?');
      const sub = (s: string) =>
        s.replace('#{protocol}', found.listener.protocol.toLowerCase()).replace('#{host}', (req.headers.host ?? req.host).replace(/:\d+$/, '')).replace('#{port}', String(found.listener.port)).replace('#{path}', (path ?? '/').replace(/^\//, '')).replace('#{query}', query ?? '');
      const q = sub(c.Query ?? '#{query}');
      const location = `${sub(c.Protocol ?? '#{protocol}').toLowerCase()}://${sub(c.Host ?? '#{host}')}:${sub(c.Port ?? '#{port}')}${sub(c.Path ?? '/#{path}')}${q ? `?${q}` : ''}`;
      const status = c.StatusCode === 'HTTP_302' ? 302 : 301;
      out = { res: { status, statusText: status === 301 ? 'Moved Permanently' : 'Found', headers: { server: 'awselb/2.0', location, 'content-length': '0' }, body: '' } };
    } else out = await forward(ctx, loc, found.listener, action, req, client);
    recordRequest(store, { lbArn: loc.lb.arn, tgArn: out.tg, accountId: loc.lb.account_id, region: loc.lb.region, status: out.res.status, fromTarget: out.target !== undefined && out.res.headers.server !== 'awselb/2.0', at: started, ms: clock.now() - started });
    return out.res;
  }

  /** A health check from the load balancer's node in (or nearest to) the target's zone. */
  async function probe(ctx: Ctx, tg: TargetGroupRow, t: TargetRow): Promise<ProbeResult | undefined> {
    const info = instanceInfo(ctx, t.target_id);
    if (tg.target_type === 'instance' && info?.state !== 'running') return undefined;
    const node = store.read(() => {
      const nodes = store
        .stmt(
          `SELECT DISTINCT n.* FROM elbv2_nodes n JOIN elbv2_listeners l ON l.lb_arn = n.lb_arn
            WHERE l.default_actions LIKE '%' || ? || '%' OR EXISTS (SELECT 1 FROM elbv2_rules r WHERE r.listener_arn = l.arn AND r.actions LIKE '%' || ? || '%')`,
        )
        .all(`"${tg.arn}"`, `"${tg.arn}"`) as NodeRow[];
      return nodes.find((n) => n.zone === t.zone) ?? nodes[0];
    });
    if (!node) return undefined;
    const port = tg.hc_port === 'traffic-port' ? t.port : Number(tg.hc_port);
    const reach = store.read(() => nodeReach(worldWithNodes(ctx), { kind: 'interface', interfaceId: node.node_id }, { kind: 'instance', instanceId: t.target_id }, 'tcp', port));
    if (!reach.ok) return { ok: false, reason: 'Target.Timeout', description: 'Request timed out' };
    const res = await deps.http(ctx.accountId, ctx.region, t.target_id, {
      method: 'GET',
      path: tg.hc_path ?? '/',
      host: `${node.private_ip}`,
      port,
      headers: { host: t.target_id, 'user-agent': 'ELB-HealthChecker/2.0', accept: '*/*' },
      sourceIp: node.private_ip,
    });
    if (!res) return { ok: false, reason: 'Target.FailedHealthChecks', description: 'Health checks failed' };
    const code = (JSON.parse(tg.matcher) as { HttpCode?: string }).HttpCode ?? '200';
    if (!matches(code, res.status)) return { ok: false, reason: 'Target.ResponseCodeMismatch', description: `Health checks failed with these codes: [${res.status}]` };
    return { ok: true };
  }
  registerProber(store, probe);

  return {
    resolve(name) {
      const n = name.toLowerCase().replace(/\.$/, '');
      if (!/\.elb\.amazonaws\.com(\.cn)?$/.test(n)) return undefined;
      const lb = store.stmt('SELECT * FROM elbv2_load_balancers WHERE lower(dns_name) = ?').get(n) as LoadBalancerRow | undefined;
      if (!lb || !active(lb)) return undefined;
      const nodes = store.stmt('SELECT * FROM elbv2_nodes WHERE lb_arn = ? ORDER BY zone').all(lb.arn) as NodeRow[];
      if (nodes.length === 0) return undefined;
      const node = nodes[next(`dns:${lb.arn}`, nodes.length)]!;
      return lb.scheme === 'internet-facing' ? (node.public_ip ?? undefined) : node.private_ip;
    },
    connect(client, address, protocol, port) {
      const loc = locate(client, address);
      if (!loc) return undefined;
      const ctx = ctxOf(loc.lb);
      const target: Endpoint = { kind: 'interface', interfaceId: loc.node.node_id };
      const r = store.read(() => nodeReach(world(ctx), clientEndpoint(client, loc.lb), target, protocol, port));
      if (!r.ok) return { ok: false, failure: 'timeout', reason: { code: r.reason.code, message: r.reason.message } };
      const listens = protocol === 'tcp' && store.stmt('SELECT 1 FROM elbv2_listeners WHERE lb_arn = ? AND port = ?').get(loc.lb.arn, port) !== undefined;
      if (!listens || !active(loc.lb))
        return { ok: false, failure: 'timeout', reason: { code: 'no-listener', message: `load balancer ${loc.lb.name} has no ${protocol} listener on port ${port}` } };
      return { ok: true, target: { kind: 'proxy', serve: (req: HttpRequestIn) => serve(loc, client, req) } };
    },
  };
}
