import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { putMetricData, registerAlarmActionHandler, type AlarmNotice } from '../../../../src-main/engine/services/monitoring';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

function lab() {
  const clock = createClock({ warp: 0, start: START });
  engine = createEngine({ clock });
  const scope = { store: engine.store, accountId: engine.account.accountId, region: 'us-east-1', clock };
  const cw = (op: string, input: Record<string, unknown>) => engine!.call(engine!.account.root, 'monitoring', op, input);
  return { engine, clock, scope, cw };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('CloudWatch alarms on the simulated clock', () => {
  it('goes to ALARM when 2 of 3 periods breach and runs its action through the registered handler', async () => {
    const { clock, scope, cw } = lab();
    const seen: AlarmNotice[] = [];
    const off = registerAlarmActionHandler((arn) => arn.startsWith('arn:aws:test:'), async ({ notice }) => {
      seen.push(notice);
      return 'test handler ran';
    });
    try {
      await cw('PutMetricAlarm', {
        AlarmName: 'busy',
        MetricName: 'Load',
        Namespace: 'Lab',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: ['arn:aws:test:us-east-1:123456789012:thing'],
      });
      for (let i = 0; i < 3; i++) {
        putMetricData(scope, 'Lab', [{ MetricName: 'Load', Value: i === 0 ? 10 : 95 }]);
        clock.advance(60_000);
      }
      await flush();
      const out = (await cw('DescribeAlarms', { AlarmNames: ['busy'] })) as { MetricAlarms: { StateValue: string; StateReason: string }[] };
      expect(out.MetricAlarms[0]!.StateValue).toBe('ALARM');
      expect(out.MetricAlarms[0]!.StateReason).toContain('2 out of the last 3 datapoints');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ alarmName: 'busy', oldState: 'OK', newState: 'ALARM', metricValue: 95 });
      await flush();
      const hist = (await cw('DescribeAlarmHistory', { AlarmName: 'busy', HistoryItemType: 'Action' })) as { AlarmHistoryItems: { HistorySummary: string }[] };
      expect(hist.AlarmHistoryItems[0]!.HistorySummary).toBe('test handler ran');
    } finally {
      off();
    }
  });

  it('treats missing data as configured', async () => {
    const { clock, cw } = lab();
    const base = { MetricName: 'Nothing', Namespace: 'Lab', Statistic: 'Sum', Period: 60, EvaluationPeriods: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' };
    await cw('PutMetricAlarm', { ...base, AlarmName: 'missing' });
    await cw('PutMetricAlarm', { ...base, AlarmName: 'breaching', TreatMissingData: 'breaching' });
    await cw('PutMetricAlarm', { ...base, AlarmName: 'not', TreatMissingData: 'notBreaching' });
    clock.advance(3 * 60_000);
    const out = (await cw('DescribeAlarms', {})) as { MetricAlarms: { AlarmName: string; StateValue: string }[] };
    expect(Object.fromEntries(out.MetricAlarms.map((a) => [a.AlarmName, a.StateValue]))).toEqual({ breaching: 'ALARM', missing: 'INSUFFICIENT_DATA', not: 'OK' });
  });

  it('aggregates datapoints per period without percentiles too', async () => {
    const { scope, cw } = lab();
    putMetricData(scope, 'Lab', [
      { MetricName: 'Hits', Value: 1, Timestamp: START + 1000 },
      { MetricName: 'Hits', Value: 3, Timestamp: START + 59_000 },
      { MetricName: 'Hits', Value: 5, Timestamp: START + 61_000, Unit: 'Count' },
    ]);
    const out = (await cw('GetMetricStatistics', { Namespace: 'Lab', MetricName: 'Hits', StartTime: new Date(START), EndTime: new Date(START + 120_000), Period: 60, Statistics: ['Sum', 'Maximum'] })) as { Datapoints: Record<string, unknown>[] };
    expect(out.Datapoints).toEqual([
      { Timestamp: new Date(START), Unit: 'None', Sum: 4, Maximum: 3 },
      { Timestamp: new Date(START + 60_000), Unit: 'Count', Sum: 5, Maximum: 5 },
    ]);
    const counted = (await cw('GetMetricStatistics', { Namespace: 'Lab', MetricName: 'Hits', StartTime: new Date(START), EndTime: new Date(START + 120_000), Period: 120, Statistics: ['SampleCount'], Unit: 'Count' })) as { Datapoints: Record<string, unknown>[] };
    expect(counted.Datapoints).toEqual([{ Timestamp: new Date(START), Unit: 'Count', SampleCount: 1 }]);
  });

  it('aggregates datapoints per period for GetMetricStatistics', async () => {
    const { scope, cw } = lab();
    putMetricData(scope, 'Lab', [
      { MetricName: 'Req', Value: 1, Timestamp: START + 1000 },
      { MetricName: 'Req', Value: 3, Timestamp: START + 2000 },
      { MetricName: 'Req', Values: [5, 7], Counts: [1, 3], Timestamp: START + 61_000 },
    ]);
    const out = (await cw('GetMetricStatistics', {
      Namespace: 'Lab',
      MetricName: 'Req',
      StartTime: new Date(START),
      EndTime: new Date(START + 120_000),
      Period: 60,
      Statistics: ['Sum', 'SampleCount', 'Maximum', 'Average'],
      ExtendedStatistics: ['p50'],
    })) as { Datapoints: Record<string, unknown>[] };
    expect(out.Datapoints).toEqual([
      { Timestamp: new Date(START), Unit: 'None', Sum: 4, SampleCount: 2, Maximum: 3, Average: 2, ExtendedStatistics: { p50: 1 } },
      { Timestamp: new Date(START + 60_000), Unit: 'None', Sum: 26, SampleCount: 4, Maximum: 7, Average: 6.5, ExtendedStatistics: { p50: 7 } },
    ]);
  });
});

describe('dashboards', () => {
  it('stores, lists and deletes dashboards, refusing bodies without widgets', async () => {
    const { cw } = lab();
    const body = JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [['AWS/EC2', 'CPUUtilization']] } }] });
    await cw('PutDashboard', { DashboardName: 'ops', DashboardBody: body });
    expect(await cw('GetDashboard', { DashboardName: 'ops' })).toMatchObject({ DashboardName: 'ops', DashboardBody: body });
    await expect(cw('PutDashboard', { DashboardName: 'bad', DashboardBody: '{}' })).rejects.toMatchObject({ code: 'InvalidParameterInput' });
    expect(((await cw('ListDashboards', {})) as { DashboardEntries: { DashboardName: string }[] }).DashboardEntries.map((d) => d.DashboardName)).toEqual(['ops']);
    await expect(cw('DeleteDashboards', { DashboardNames: ['ops', 'nope'] })).rejects.toMatchObject({ code: 'ResourceNotFound' });
    await cw('DeleteDashboards', { DashboardNames: ['ops'] });
    await expect(cw('GetDashboard', { DashboardName: 'ops' })).rejects.toMatchObject({ code: 'ResourceNotFound' });
  });
});
