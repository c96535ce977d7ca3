// NetworkIn/Out and NetworkPackets* per period from the guests' network counters.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { stepMinutes } from './steps';
import { countTraffic, httpMessageBytes, netCountersOf } from '../../../../src-main/engine/guest/net-counters';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
describe('EC2 network metrics', () => {
  it('sizes HTTP messages as they go on the wire and counts segments', () => {
    expect(httpMessageBytes('GET / HTTP/1.1', { host: 'a' }, 'xy')).toBe(16 + 9 + 2 + 2);
    countTraffic('i-0netcounters0000', 'out', 3000);
    expect(netCountersOf('i-0netcounters0000')).toEqual({ bytesIn: 0, bytesOut: 3000, packetsIn: 0, packetsOut: 3 });
  });

  it('publishes the bytes and packets of each 5-minute period', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const call = (svc: string, op: string, input: Record<string, unknown>) =>
      e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const id = (
      await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })
    ).Instances[0].InstanceId as string;
    await stepMinutes(clock, 5); // running, watched, first baseline at the 5-minute boundary
    countTraffic(id, 'in', 10_000);
    countTraffic(id, 'out', 500);
    await stepMinutes(clock, 5);
    const sum = async (MetricName: string) => {
      const out = await call('monitoring', 'GetMetricStatistics', {
        Namespace: 'AWS/EC2',
        MetricName,
        Dimensions: [{ Name: 'InstanceId', Value: id }],
        StartTime: new Date(START),
        EndTime: new Date(clock.now()),
        Period: 300,
        Statistics: ['Sum'],
      });
      return (out.Datapoints as { Timestamp: Date; Sum: number }[])
        .sort((a, b) => a.Timestamp.getTime() - b.Timestamp.getTime())
        .map((p) => p.Sum);
    };
    expect((await sum('NetworkIn')).at(-1)).toBe(10_000);
    expect((await sum('NetworkOut')).at(-1)).toBe(500);
    expect((await sum('NetworkPacketsIn')).at(-1)).toBe(7);
    expect((await sum('NetworkPacketsOut')).at(-1)).toBe(1);
  });
});
