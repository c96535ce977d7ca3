/** What the details tabs of the load balancer pages load (listeners, target health, metrics). */
import { list, text, type Row } from '../../aws/json';
import type { AwsCall } from '../../composables/useAws';

const action = (a: Row | undefined): string => {
  if (!a) return '';
  const type = text(a, 'Type');
  if (type === 'forward') {
    const groups = list(a, 'ForwardConfig.TargetGroups');
    const arns = groups.length ? groups.map((g) => text(g, 'TargetGroupArn')) : [text(a, 'TargetGroupArn')];
    return `Forward to ${arns.map((arn) => arn.split('/')[1] ?? arn).join(', ')}`;
  }
  if (type === 'fixed-response') return `Return fixed response ${text(a, 'FixedResponseConfig.StatusCode')}`;
  if (type === 'redirect') return `Redirect (${text(a, 'RedirectConfig.StatusCode')})`;
  return type;
};

const conditions = (r: Row): string =>
  list(r, 'Conditions')
    .map((c) => `${text(c, 'Field')} is ${((Array.isArray(c.Values) ? c.Values : []) as unknown[]).map(String).join(' or ')}`)
    .join(' and ') || 'Default';

/** Every listener with its rules, in priority order. */
export async function listenerRows(call: AwsCall, lbArn: string): Promise<Row[]> {
  const listeners = list(await call('elasticloadbalancingv2', 'DescribeListeners', { LoadBalancerArn: lbArn }), 'Listeners');
  const out: Row[] = [];
  for (const l of listeners) {
    const rules = list(await call('elasticloadbalancingv2', 'DescribeRules', { ListenerArn: text(l, 'ListenerArn') }), 'Rules');
    for (const r of rules) out.push({ listener: `${text(l, 'Protocol')}:${text(l, 'Port')}`, priority: text(r, 'Priority'), conditions: conditions(r), action: action(list(r, 'Actions')[0]) });
  }
  return out;
}

/** The target groups a load balancer's listeners forward to. */
async function groupsOf(call: AwsCall, lbArn: string): Promise<Row[]> {
  return list(await call('elasticloadbalancingv2', 'DescribeTargetGroups', { LoadBalancerArn: lbArn }), 'TargetGroups');
}

/** Each registered target of a group with its health, reason and description. */
export async function targetHealthRows(call: AwsCall, tgArn: string, group = ''): Promise<Row[]> {
  const out = await call('elasticloadbalancingv2', 'DescribeTargetHealth', { TargetGroupArn: tgArn });
  return list(out, 'TargetHealthDescriptions').map((d) => ({
    group,
    id: text(d, 'Target.Id'),
    port: text(d, 'Target.Port'),
    zone: text(d, 'Target.AvailabilityZone'),
    state: text(d, 'TargetHealth.State'),
    reason: [text(d, 'TargetHealth.Reason'), text(d, 'TargetHealth.Description')].filter(Boolean).join(': '),
  }));
}

export async function loadBalancerTargetRows(call: AwsCall, lbArn: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const g of await groupsOf(call, lbArn)) rows.push(...(await targetHealthRows(call, text(g, 'TargetGroupArn'), text(g, 'TargetGroupName'))));
  return rows;
}

export async function classicHealthRows(call: AwsCall, name: string): Promise<Row[]> {
  const out = await call('elasticloadbalancing', 'DescribeInstanceHealth', { LoadBalancerName: name });
  return list(out, 'InstanceStates').map((s) => ({ id: text(s, 'InstanceId'), state: text(s, 'State'), reason: text(s, 'ReasonCode'), description: text(s, 'Description') }));
}

/** The last hour of a load balancer's metrics as CloudWatch has them (sums, or the latest host counts). */
export async function monitoringRows(call: AwsCall, now: number, lbArn: string): Promise<Row[]> {
  const lb = lbArn.split(':loadbalancer/')[1] ?? '';
  const start = new Date(now - 3600_000).toISOString();
  const end = new Date(now).toISOString();
  const rows: Row[] = [];
  for (const [metric, stat] of [
    ['RequestCount', 'Sum'],
    ['HTTPCode_Target_2XX_Count', 'Sum'],
    ['HTTPCode_ELB_5XX_Count', 'Sum'],
    ['TargetResponseTime', 'Average'],
  ] as const) {
    const out = await call('monitoring', 'GetMetricStatistics', { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: [{ Name: 'LoadBalancer', Value: lb }], StartTime: start, EndTime: end, Period: 3600, Statistics: [stat] });
    const points = list(out, 'Datapoints');
    const value = points.reduce((n, p) => n + Number(p[stat] ?? 0), 0);
    rows.push({ metric, stat, value: points.length ? (stat === 'Average' ? (value / points.length).toFixed(3) : String(value)) : 'No data' });
  }
  return rows;
}
