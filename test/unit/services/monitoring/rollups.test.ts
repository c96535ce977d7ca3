// Roll-ups (state/metrics.ts): long ranges at 5-minute and hourly periods read the stored roll-ups,
// and must give exactly what the raw points give, including a partial last hour and late points.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { putMetricData } from '../../../../src-main/engine/services/monitoring';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});

type Results = { MetricDataResults: { Id: string; Timestamps: Date[]; Values: number[] }[] };

describe('CloudWatch roll-ups', () => {
  it('answer hourly and 5-minute periods as the raw points would, tail and late points included', async () => {
    const clock = createClock({ warp: 0, start: T0 + 4 * 3_600_000 });
    engine = createEngine({ clock });
    const e = engine;
    const scope = { store: e.store, accountId: e.account.accountId, region: 'us-east-1', clock };
    const dims = [{ Name: 'InstanceId', Value: 'i-0000000000000000a' }];
    // 3 h 30 min of one point a minute (value = minute index), then a late point inside the first hour.
    putMetricData(
      scope,
      'AWS/EC2',
      Array.from({ length: 210 }, (_, m) => ({
        MetricName: 'CPUUtilization',
        Dimensions: dims,
        Value: m,
        Unit: 'Percent',
        Timestamp: T0 + m * 60_000,
      })),
    );
    putMetricData(scope, 'AWS/EC2', [
      { MetricName: 'CPUUtilization', Dimensions: dims, Value: 1000, Unit: 'Percent', Timestamp: T0 + 90_000 },
    ]);
    const query = (period: number, stat: string, start = T0) =>
      e.call(e.account.root, 'monitoring', 'GetMetricData', {
        StartTime: new Date(start),
        EndTime: new Date(T0 + 210 * 60_000),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          {
            Id: 'm',
            MetricStat: {
              Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: dims },
              Period: period,
              Stat: stat,
            },
          },
        ],
      }) as Promise<Results>;

    const hourly = (await query(3600, 'Sum')).MetricDataResults[0]!;
    const sum = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i).reduce((x, y) => x + y, 0);
    expect(hourly.Timestamps.map((t) => t.getTime())).toEqual([0, 1, 2, 3].map((h) => T0 + h * 3_600_000));
    expect(hourly.Values).toEqual([sum(0, 60) + 1000, sum(60, 120), sum(120, 180), sum(180, 210)]);
    expect((await query(3600, 'Maximum')).MetricDataResults[0]!.Values).toEqual([1000, 119, 179, 209]);
    expect((await query(3600, 'SampleCount')).MetricDataResults[0]!.Values).toEqual([61, 60, 60, 30]);

    const fiveMin = (await query(300, 'Average')).MetricDataResults[0]!;
    expect(fiveMin.Values).toHaveLength(42);
    expect(fiveMin.Values[0]).toBeCloseTo((0 + 1 + 2 + 3 + 4 + 1000) / 6);
    expect(fiveMin.Values[41]).toBe(207);

    // A start that is not on the hour cannot use hourly roll-ups: the raw points answer, the same way.
    const shifted = (await query(3600, 'Sum', T0 + 30 * 60_000)).MetricDataResults[0]!;
    expect(shifted.Values).toEqual([sum(30, 90), sum(90, 150), sum(150, 210)]);
  });
});
