/**
 * AWS/Billing EstimatedCharges (us-east-1, USD): the month-to-date total of the lab's cost meter
 * (EC2's costReport: instances, volumes, snapshots, idle addresses, after the free tier), published
 * every 30 simulated minutes for each account that has used anything, in total and for AmazonEC2.
 */
import type { Ctx } from '../../../core/provider';
import type { Store } from '../../../store/store';
import { costReport } from '../../ec2';
import { registerMetricSource, type MetricSample } from '../engine-loop';

const EVERY = 30 * 60_000;

const monthStart = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/** costReport reads only store, accountId and clock from its context. */
function meterCtx(store: Store, accountId: string, at: number): Ctx {
  return { store, accountId, region: 'us-east-1', clock: { now: () => at } } as unknown as Ctx;
}

registerMetricSource('billing', ({ store, to }) => {
  if (to % EVERY !== 0) return [];
  const account = (store.stmt("SELECT value FROM lab_meta WHERE key = 'account_id'").get() as { value: string } | undefined)?.value;
  if (!account) return [];
  const report = costReport(meterCtx(store, account, to), { from: monthStart(to - 1), to });
  const total = Math.round(report.total * 100) / 100;
  const point = (dims: { Name: string; Value: string }[]): MetricSample => ({
    accountId: account,
    region: 'us-east-1',
    namespace: 'AWS/Billing',
    datum: { MetricName: 'EstimatedCharges', Dimensions: dims, Value: total, Unit: 'None', Timestamp: to },
  });
  return [point([{ Name: 'Currency', Value: 'USD' }]), point([{ Name: 'ServiceName', Value: 'AmazonEC2' }, { Name: 'Currency', Value: 'USD' }])];
});
