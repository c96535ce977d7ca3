/**
 * DynamoDB's CloudWatch metrics (AWS/DynamoDB, per TableName), sampled once a simulated minute by
 * the monitoring service from the capacity accounting in throughput.ts: consumed units are the
 * minute's Sum (as CloudWatch's Sum over 60 s shows them), provisioned units the table's setting.
 */
import type { MetricSample, ServiceMetrics } from '../../core/metrics';
import type { TableSpec } from './state/tables';
import { consumption } from './throughput';

const dims = ['TableName'] as const;

export const dynamodbMetrics: ServiceMetrics = {
  namespace: 'AWS/DynamoDB',
  metrics: [
    { name: 'ConsumedReadCapacityUnits', dimensions: dims, unit: 'Count' },
    { name: 'ConsumedWriteCapacityUnits', dimensions: dims, unit: 'Count' },
    { name: 'ProvisionedReadCapacityUnits', dimensions: dims, unit: 'Count' },
    { name: 'ProvisionedWriteCapacityUnits', dimensions: dims, unit: 'Count' },
    { name: 'ReadThrottleEvents', dimensions: dims, unit: 'Count' },
    { name: 'WriteThrottleEvents', dimensions: dims, unit: 'Count' },
    { name: 'ThrottledRequests', dimensions: dims, unit: 'Count' },
    { name: 'ReturnedItemCount', dimensions: dims, unit: 'Count' },
  ],
  sample({ store }, { accountId, region }, at, periodMs) {
    const rows = store
      .stmt('SELECT spec FROM ddb_tables WHERE account_id = ? AND region = ?')
      .all(accountId, region) as { spec: string }[];
    const out: MetricSample[] = [];
    for (const r of rows) {
      const spec = JSON.parse(r.spec) as TableSpec;
      const d = { TableName: spec.name };
      const minutes = consumption(accountId, region, spec.name, at - periodMs, at);
      const sum = (f: (s: (typeof minutes)[number]['stats']) => number) => minutes.reduce((n, m) => n + f(m.stats), 0);
      const push = (name: string, value: number) => out.push({ name, dimensions: d, value, unit: 'Count' });
      push(
        'ConsumedReadCapacityUnits',
        sum((s) => s.read),
      );
      push(
        'ConsumedWriteCapacityUnits',
        sum((s) => s.write),
      );
      if (spec.billingMode === 'PROVISIONED') {
        push('ProvisionedReadCapacityUnits', spec.rcu);
        push('ProvisionedWriteCapacityUnits', spec.wcu);
      }
      const tr = sum((s) => s.throttledRead);
      const tw = sum((s) => s.throttledWrite);
      if (tr) push('ReadThrottleEvents', tr);
      if (tw) push('WriteThrottleEvents', tw);
      if (tr + tw) push('ThrottledRequests', tr + tw);
      if (minutes.length)
        push(
          'ReturnedItemCount',
          sum((s) => s.returned),
        );
    }
    return out;
  },
};
