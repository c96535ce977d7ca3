/** The billing page's table: the cost meter's lines summed per service and usage type. */
import type { BillingSummary } from '../../../src-main/contract';

export const ALERTS_KEY = 'nimbus.billing.receiveAlerts';

const USAGE: Record<string, string> = {
  instance: 'Instance hours',
  volume: 'EBS storage',
  snapshot: 'EBS snapshots',
  'idle-address': 'Idle Elastic IP addresses',
};

export interface CostRow {
  key: string;
  service: string;
  usage: string;
  quantity: string;
  cost: number;
}

export function costByUsage(s: BillingSummary): CostRow[] {
  const rows = new Map<string, CostRow & { amount: number; unit: string }>();
  for (const l of s.lines) {
    const key = `${l.usageType}|${l.item}|${l.region}`;
    const row = rows.get(key) ?? {
      key,
      service: 'Amazon EC2',
      usage: `${USAGE[l.usageType] ?? l.usageType}: ${l.item} (${l.region})`,
      quantity: '',
      cost: 0,
      amount: 0,
      unit: l.unit,
    };
    row.amount += l.usage;
    row.cost += l.cost;
    row.quantity = `${Math.round(row.amount * 100) / 100} ${row.unit}`;
    rows.set(key, row);
  }
  return [...rows.values()]
    .sort((a, b) => b.cost - a.cost)
    .map(({ key, service, usage, quantity, cost }) => ({ key, service, usage, quantity, cost }));
}
