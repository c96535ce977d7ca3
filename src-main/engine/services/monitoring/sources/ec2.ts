/**
 * AWS/EC2 metrics computed from what guests do. EC2 announces state changes; when an instance
 * starts running CloudWatch reads its type and monitoring state once (DescribeInstances) into
 * cw_ec2_watch. Each simulated minute the guest CPU counter of every watched instance
 * (guest/cpu.ts `cpuSecondsOf`) becomes CPUUtilization: per minute with detailed monitoring, per
 * 5 minutes with basic, as CPU seconds used / (vCPUs × period). StatusCheckFailed* every minute:
 * the system check fails while EC2's host-health model says the host failed. NetworkIn/Out and
 * NetworkPackets* per period from the guests' network counters (guest/net-counters.ts). DiskRead*
 * and DiskWrite* measure instance-store volumes on AWS; the lab has no counters for them yet, so
 * they are not published rather than invented.
 */
import { cpuSecondsOf } from '../../../guest/cpu';
import { netCountersOf, type NetCounters } from '../../../guest/net-counters';
import { servicePrincipal } from '../../../core/account';
import type { Store } from '../../../store/store';
import { findInstanceType, hostFailedSince, onInstanceStateChange } from '../../ec2';
import { callFor, registerMetricSource, type MetricSample } from '../engine-loop';

interface WatchRow {
  account_id: string;
  region: string;
  instance_id: string;
  instance_type: string;
  detailed: number;
}

/** Per store: the counter reading at the start of the current period, per instance. */
const baselines = new WeakMap<Store, Map<string, { at: number; cpu: number; net: NetCounters }>>();

onInstanceStateChange(({ ctx, instanceId, current }) => {
  if (current !== 'running') {
    ctx.store.stmt('DELETE FROM cw_ec2_watch WHERE instance_id = ?').run(instanceId);
    return;
  }
  const call = callFor(ctx.store);
  if (!call) return;
  const { accountId, region, store } = ctx;
  // Read once the state change has committed (the listener runs inside EC2's transaction).
  queueMicrotask(() => {
    void call(
      servicePrincipal(accountId, 'cloudwatch'),
      'ec2',
      'DescribeInstances',
      { InstanceIds: [instanceId] },
      { region, source: 'internal' },
    )
      .then((out) => {
        const inst = (
          out.Reservations as
            | { Instances: { InstanceType: string; Monitoring?: { State?: string }; State?: { Name?: string } }[] }[]
            | undefined
        )?.[0]?.Instances?.[0];
        if (!inst || inst.State?.Name !== 'running' || !store.db.open) return;
        store.tx(() =>
          store
            .stmt(
              'INSERT OR REPLACE INTO cw_ec2_watch (account_id, region, instance_id, instance_type, detailed) VALUES (?, ?, ?, ?, ?)',
            )
            .run(accountId, region, instanceId, inst.InstanceType, inst.Monitoring?.State === 'enabled' ? 1 : 0),
        );
      })
      .catch(() => undefined);
  });
});

registerMetricSource('ec2', ({ store, to }) => {
  const rows = store.stmt('SELECT * FROM cw_ec2_watch').all() as WatchRow[];
  if (rows.length === 0) return [];
  let base = baselines.get(store);
  if (!base) baselines.set(store, (base = new Map()));
  const out: MetricSample[] = [];
  for (const r of rows) {
    const dims = [{ Name: 'InstanceId', Value: r.instance_id }];
    const sample = (MetricName: string, Value: number, Unit: string, at: number) => ({
      accountId: r.account_id,
      region: r.region,
      namespace: 'AWS/EC2',
      datum: { MetricName, Dimensions: dims, Value, Unit, Timestamp: at },
    });
    // Status checks are measured every minute whatever the monitoring level, as on AWS (§14.1's
    // alarm uses 60-second periods); the system check fails while the host is failed.
    const system = hostFailedSince(store, r.instance_id) === undefined ? 0 : 1;
    out.push(
      sample('StatusCheckFailed_System', system, 'Count', to - 60_000),
      sample('StatusCheckFailed_Instance', 0, 'Count', to - 60_000),
      sample('StatusCheckFailed', system, 'Count', to - 60_000),
    );
    const periodMs = r.detailed ? 60_000 : 300_000;
    const cpu = cpuSecondsOf(r.instance_id);
    const net = netCountersOf(r.instance_id);
    const b = base.get(r.instance_id);
    if (!b || cpu < b.cpu) {
      base.set(r.instance_id, { at: Math.floor(to / periodMs) * periodMs, cpu, net });
      continue;
    }
    if (to % periodMs !== 0 || to - b.at < periodMs) continue;
    const vCpus = findInstanceType(r.instance_type)?.vCpus ?? 1;
    const util = Math.min(100, Math.max(0, ((cpu - b.cpu) / (vCpus * ((to - b.at) / 1000))) * 100));
    base.set(r.instance_id, { at: to, cpu, net });
    const at = to - periodMs;
    out.push(
      sample('CPUUtilization', util, 'Percent', at),
      sample('NetworkIn', net.bytesIn - b.net.bytesIn, 'Bytes', at),
      sample('NetworkOut', net.bytesOut - b.net.bytesOut, 'Bytes', at),
      sample('NetworkPacketsIn', net.packetsIn - b.net.packetsIn, 'Count', at),
      sample('NetworkPacketsOut', net.packetsOut - b.net.packetsOut, 'Count', at),
    );
  }
  return out;
});
