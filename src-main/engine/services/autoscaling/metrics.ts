/** Group metrics (AWS/AutoScaling, per AutoScalingGroupName), published once a learner enables their collection. */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';

export const GROUP_METRICS = [
  'GroupMinSize',
  'GroupMaxSize',
  'GroupDesiredCapacity',
  'GroupInServiceInstances',
  'GroupPendingInstances',
  'GroupStandbyInstances',
  'GroupTerminatingInstances',
  'GroupTotalInstances',
];

export const autoscalingMetrics: ServiceMetrics = {
  namespace: 'AWS/AutoScaling',
  metrics: GROUP_METRICS.map((name) => ({ name, dimensions: ['AutoScalingGroupName'], unit: 'None' })),
  sample(engine, scope) {
    const groups = engine.store
      .stmt("SELECT name, min_size, max_size, desired, enabled_metrics FROM autoscaling_groups WHERE account_id = ? AND region = ? AND enabled_metrics != '[]'")
      .all(scope.accountId, scope.region) as { name: string; min_size: number; max_size: number; desired: number; enabled_metrics: string }[];
    const out: MetricSample[] = [];
    for (const g of groups) {
      const counts = engine.store
        .stmt('SELECT lifecycle, count(*) AS n FROM autoscaling_instances WHERE account_id = ? AND region = ? AND group_name = ? GROUP BY lifecycle')
        .all(scope.accountId, scope.region, g.name) as { lifecycle: string; n: number }[];
      const n = (l: string) => counts.find((c) => c.lifecycle === l)?.n ?? 0;
      const values: Record<string, number> = {
        GroupMinSize: g.min_size,
        GroupMaxSize: g.max_size,
        GroupDesiredCapacity: g.desired,
        GroupInServiceInstances: n('InService'),
        GroupPendingInstances: n('Pending'),
        GroupStandbyInstances: n('Standby'),
        GroupTerminatingInstances: n('Terminating'),
        GroupTotalInstances: counts.reduce((s, c) => s + c.n, 0),
      };
      for (const m of JSON.parse(g.enabled_metrics) as string[]) out.push({ name: m, dimensions: { AutoScalingGroupName: g.name }, value: values[m] ?? 0, unit: 'None' });
    }
    return out;
  },
};
