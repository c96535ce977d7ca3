/**
 * AWS/EC2 CPUUtilization per AutoScalingGroupName, the metric target tracking on
 * ASGAverageCPUUtilization watches: each simulated minute, the CPU the group's InService instances
 * used (guest/cpu.ts counters, the same EC2's own per-instance metric reads) divided by what their
 * vCPUs could give, averaged over the instances.
 */
import { cpuSecondsOf } from '../../guest/cpu';
import type { Store } from '../../store/store';
import { findInstanceType } from '../ec2/index';
import { registerMetricSource, type MetricSample } from '../monitoring/index';

const baselines = new WeakMap<Store, Map<string, number>>();

registerMetricSource('autoscaling-cpu', ({ store, from, to }) => {
  const rows = store
    .stmt("SELECT account_id, region, group_name, instance_id, instance_type FROM autoscaling_instances WHERE lifecycle = 'InService' ORDER BY group_name")
    .all() as { account_id: string; region: string; group_name: string; instance_id: string; instance_type: string }[];
  if (rows.length === 0) return [];
  let base = baselines.get(store);
  if (!base) baselines.set(store, (base = new Map()));
  const groups = new Map<string, { accountId: string; region: string; name: string; utils: number[] }>();
  for (const r of rows) {
    const cpu = cpuSecondsOf(r.instance_id);
    const before = base.get(r.instance_id);
    base.set(r.instance_id, cpu);
    if (before === undefined || cpu < before) continue;
    const vCpus = findInstanceType(r.instance_type)?.vCpus ?? 1;
    const util = Math.min(100, Math.max(0, ((cpu - before) / (vCpus * ((to - from) / 1000))) * 100));
    const key = `${r.account_id}/${r.region}/${r.group_name}`;
    const g = groups.get(key) ?? { accountId: r.account_id, region: r.region, name: r.group_name, utils: [] };
    g.utils.push(util);
    groups.set(key, g);
  }
  const out: MetricSample[] = [];
  for (const g of groups.values()) {
    const value = g.utils.reduce((s, u) => s + u, 0) / g.utils.length;
    out.push({ accountId: g.accountId, region: g.region, namespace: 'AWS/EC2', datum: { MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: g.name }], Value: value, Unit: 'Percent', Timestamp: from } });
  }
  return out;
});
