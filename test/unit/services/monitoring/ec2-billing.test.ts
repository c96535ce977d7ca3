import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { flush, stepMinutes } from './steps';
import { chargeCpu } from '../../../../src-main/engine/guest/cpu';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
const BOOK_AMI = 'ami-6057e21a';
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
describe('AWS/EC2 and AWS/Billing from what the lab really does', () => {
  it('turns the guest CPU counter into CPUUtilization per 5 minutes and stops an instance from an alarm', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const call = (svc: string, op: string, input: Record<string, unknown>) => e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const id = (await call('ec2', 'RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })).Instances[0].InstanceId as string;
    await call('monitoring', 'PutMetricAlarm', {
      AlarmName: 'cpu',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: id }],
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'],
    });
    await stepMinutes(clock, 5); // running, watched, first baseline at the 5-minute boundary
    await stepMinutes(clock, 5); // an idle period
    chargeCpu(id, 270, 1, 1000); // 270 simulated CPU seconds of the next period: 90 % of one vCPU
    await stepMinutes(clock, 5);
    const stats = await call('monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: id }],
      StartTime: new Date(START),
      EndTime: new Date(START + 20 * 60_000),
      Period: 300,
      Statistics: ['Average'],
    });
    const points = (stats.Datapoints as { Timestamp: Date; Average: number }[]).sort((a, b) => a.Timestamp.getTime() - b.Timestamp.getTime());
    expect(Math.round(points.at(-1)!.Average)).toBe(90);
    expect(points.slice(0, -1).every((p) => p.Average === 0)).toBe(true);
    await flush();
    const inst = await call('ec2', 'DescribeInstances', { InstanceIds: [id] });
    expect(['stopping', 'stopped']).toContain(inst.Reservations[0].Instances[0].State.Name);
    const alarm = (await call('monitoring', 'DescribeAlarms', { AlarmNames: ['cpu'] })).MetricAlarms[0];
    expect(alarm.StateValue).toBe('ALARM');
  });

  it('publishes EstimatedCharges from the cost meter every 30 minutes', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const call = (svc: string, op: string, input: Record<string, unknown>) => e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await call('ec2', 'RunInstances', { ImageId: BOOK_AMI, InstanceType: 'm4.large', MinCount: 1, MaxCount: 1 });
    clock.advance(10 * 3_600_000);
    const stats = await call('monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/Billing',
      MetricName: 'EstimatedCharges',
      Dimensions: [{ Name: 'Currency', Value: 'USD' }],
      StartTime: new Date(START),
      EndTime: new Date(START + 11 * 3_600_000),
      Period: 3600,
      Statistics: ['Maximum'],
    });
    const max = Math.max(...(stats.Datapoints as { Maximum: number }[]).map((d) => d.Maximum));
    // m4.large is $0.10 an hour in us-east-1 and not in the free tier: about ten hours of it.
    expect(max).toBeGreaterThan(0.9);
    expect(max).toBeLessThan(1.1);
  });
});
