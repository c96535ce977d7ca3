/**
 * What the data plane counts, per simulated minute, for CloudWatch's AWS/ApplicationELB metrics
 * (RequestCount, HTTPCode_Target_2XX_Count, HTTPCode_ELB_5XX_Count, TargetResponseTime), and the
 * gauges read from state (HealthyHostCount, UnHealthyHostCount).
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import type { Store } from '../../store/store';
import { fullName } from './state/names';

export interface RequestRecord {
  lbArn: string;
  tgArn?: string;
  accountId: string;
  region: string;
  status: number;
  /** The response came from a target (not the load balancer's own error page or fixed response). */
  fromTarget: boolean;
  /** Simulated time of the request, and how long the target took (simulated ms). */
  at: number;
  ms: number;
}

export function recordRequest(store: Store, r: RequestRecord): void {
  if (!store.db.open) return;
  const klass = Math.floor(r.status / 100);
  store.tx(() =>
    store
      .stmt(
        `INSERT INTO elbv2_request_counts (account_id, region, lb_arn, tg_arn, minute, requests, target_2xx, target_4xx, target_5xx, elb_5xx, target_ms, target_responses)
         VALUES (@accountId, @region, @lb, @tg, @minute, 1, @t2, @t4, @t5, @e5, @ms, @tr)
         ON CONFLICT (lb_arn, tg_arn, minute) DO UPDATE SET requests = requests + 1, target_2xx = target_2xx + @t2, target_4xx = target_4xx + @t4,
           target_5xx = target_5xx + @t5, elb_5xx = elb_5xx + @e5, target_ms = target_ms + @ms, target_responses = target_responses + @tr`,
      )
      .run({
        accountId: r.accountId,
        region: r.region,
        lb: r.lbArn,
        tg: r.tgArn ?? '',
        minute: Math.floor(r.at / 60_000),
        t2: r.fromTarget && klass === 2 ? 1 : 0,
        t4: r.fromTarget && klass === 4 ? 1 : 0,
        t5: r.fromTarget && klass === 5 ? 1 : 0,
        e5: !r.fromTarget && klass === 5 ? 1 : 0,
        ms: r.fromTarget ? r.ms : 0,
        tr: r.fromTarget ? 1 : 0,
      }),
  );
}

interface CountRow {
  lb_arn: string;
  tg_arn: string;
  requests: number;
  target_2xx: number;
  target_4xx: number;
  target_5xx: number;
  elb_5xx: number;
  target_ms: number;
  target_responses: number;
}

/** The datapoints of one period: request counts summed over its minutes, host counts as they are now. */
export function sampleElbMetrics(store: Store, scope: { accountId: string; region: string }, at: number, periodMs: number, classic = false): MetricSample[] {
  // Classic Load Balancers (hidden rows, classic-backing.ts) report to AWS/ELB with LoadBalancerName only.
  const isClassic = (arn: string) => arn.includes(':loadbalancer/classic/');
  const mine = (arn: string) => isClassic(arn) === classic;
  const lbDims = (arn: string): Record<string, string> => (classic ? { LoadBalancerName: arn.split('/')[2]! } : { LoadBalancer: fullName(arn) });
  const out: MetricSample[] = [];
  const from = Math.floor((at - periodMs) / 60_000);
  const to = Math.floor(at / 60_000);
  const rows = store
    .stmt(
      `SELECT lb_arn, tg_arn, SUM(requests) AS requests, SUM(target_2xx) AS target_2xx, SUM(target_4xx) AS target_4xx, SUM(target_5xx) AS target_5xx,
              SUM(elb_5xx) AS elb_5xx, SUM(target_ms) AS target_ms, SUM(target_responses) AS target_responses
         FROM elbv2_request_counts WHERE account_id = ? AND region = ? AND minute >= ? AND minute < ? GROUP BY lb_arn, tg_arn`,
    )
    .all(scope.accountId, scope.region, from, to) as CountRow[];
  const byLb = new Map<string, CountRow[]>();
  for (const r of rows.filter((x) => mine(x.lb_arn))) byLb.set(r.lb_arn, [...(byLb.get(r.lb_arn) ?? []), r]);
  for (const [lb, list] of byLb) {
    const dims = lbDims(lb);
    const sum = (k: keyof CountRow) => list.reduce((s, r) => s + Number(r[k]), 0);
    out.push({ name: 'RequestCount', dimensions: dims, value: sum('requests'), unit: 'Count' });
    const backend = classic ? 'HTTPCode_Backend_' : 'HTTPCode_Target_';
    if (sum('target_2xx')) out.push({ name: `${backend}2XX${classic ? '' : '_Count'}`, dimensions: dims, value: sum('target_2xx'), unit: 'Count' });
    if (sum('target_4xx')) out.push({ name: `${backend}4XX${classic ? '' : '_Count'}`, dimensions: dims, value: sum('target_4xx'), unit: 'Count' });
    if (sum('target_5xx')) out.push({ name: `${backend}5XX${classic ? '' : '_Count'}`, dimensions: dims, value: sum('target_5xx'), unit: 'Count' });
    if (sum('elb_5xx')) out.push({ name: classic ? 'HTTPCode_ELB_5XX' : 'HTTPCode_ELB_5XX_Count', dimensions: dims, value: sum('elb_5xx'), unit: 'Count' });
    if (sum('target_responses')) out.push({ name: classic ? 'Latency' : 'TargetResponseTime', dimensions: dims, value: sum('target_ms') / 1000 / sum('target_responses'), unit: 'Seconds' });
    if (classic) continue;
    for (const r of list.filter((x) => x.tg_arn)) {
      const tgDims = { LoadBalancer: fullName(lb), TargetGroup: fullName(r.tg_arn) };
      out.push({ name: 'RequestCount', dimensions: tgDims, value: r.requests, unit: 'Count' });
      const targets = (store.stmt("SELECT count(*) AS n FROM elbv2_targets WHERE tg_arn = ? AND state != 'draining'").get(r.tg_arn) as { n: number }).n;
      out.push({ name: 'RequestCountPerTarget', dimensions: { TargetGroup: fullName(r.tg_arn) }, value: targets ? r.requests / targets : r.requests, unit: 'Count' });
    }
  }
  const counts = new Map<string, { lb: string; tg: string; healthy: number; unhealthy: number }>();
  for (const h of store
    .stmt(
      `SELECT l.lb_arn, t.tg_arn, t.state FROM elbv2_targets t JOIN elbv2_listeners l ON l.default_actions LIKE '%"' || t.tg_arn || '"%'
         JOIN elbv2_load_balancers lb ON lb.arn = l.lb_arn WHERE lb.account_id = ? AND lb.region = ? GROUP BY l.lb_arn, t.id`,
    )
    .all(scope.accountId, scope.region) as { lb_arn: string; tg_arn: string; state: string }[]) {
    const key = `${h.lb_arn} ${h.tg_arn}`;
    const c = counts.get(key) ?? { lb: h.lb_arn, tg: h.tg_arn, healthy: 0, unhealthy: 0 };
    if (h.state === 'healthy') c.healthy++;
    else if (h.state === 'unhealthy') c.unhealthy++;
    counts.set(key, c);
  }
  for (const c of [...counts.values()].filter((x) => mine(x.lb))) {
    const dims = classic ? lbDims(c.lb) : { LoadBalancer: fullName(c.lb), TargetGroup: fullName(c.tg) };
    out.push({ name: 'HealthyHostCount', dimensions: dims, value: c.healthy, unit: 'Count' }, { name: 'UnHealthyHostCount', dimensions: dims, value: c.unhealthy, unit: 'Count' });
  }
  return out;
}

export const elbMetrics: ServiceMetrics = {
  namespace: 'AWS/ApplicationELB',
  metrics: [
    { name: 'RequestCount', dimensions: ['LoadBalancer'], unit: 'Count' },
    { name: 'RequestCountPerTarget', dimensions: ['TargetGroup'], unit: 'Count' },
    { name: 'HTTPCode_Target_2XX_Count', dimensions: ['LoadBalancer'], unit: 'Count' },
    { name: 'HTTPCode_Target_4XX_Count', dimensions: ['LoadBalancer'], unit: 'Count' },
    { name: 'HTTPCode_Target_5XX_Count', dimensions: ['LoadBalancer'], unit: 'Count' },
    { name: 'HTTPCode_ELB_5XX_Count', dimensions: ['LoadBalancer'], unit: 'Count' },
    { name: 'TargetResponseTime', dimensions: ['LoadBalancer'], unit: 'Seconds' },
    { name: 'HealthyHostCount', dimensions: ['LoadBalancer', 'TargetGroup'], unit: 'Count' },
    { name: 'UnHealthyHostCount', dimensions: ['LoadBalancer', 'TargetGroup'], unit: 'Count' },
  ],
  sample: (engine, scope, at, periodMs) => sampleElbMetrics(engine.store, scope, at, periodMs),
};
