// §14.1: the lab fails an instance's host, StatusCheckFailed_System goes to 1, and the alarm's
// ec2:recover action brings the instance back with the same id, addresses and volumes.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src-main/engine/index';
import { createClock } from '../../../../src-main/engine/clock/clock';
import { flush, stepMinutes } from './steps';
import { failHost, hostFailedSince } from '../../../../src-main/engine/services/ec2';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let engine: Engine | undefined;
afterEach(() => {
  engine?.close();
  engine = undefined;
});
interface Instance {
  InstanceId: string;
  PrivateIpAddress: string;
  PublicIpAddress?: string;
  State: { Name: string };
  BlockDeviceMappings: { Ebs: { VolumeId: string } }[];
}

describe('§14.1: recovering an instance from a failed host', () => {
  it('fails the system check, goes to ALARM and recovers the same instance', async () => {
    const clock = createClock({ warp: 0, start: START });
    engine = createEngine({ clock });
    const e = engine;
    const call = (svc: string, op: string, input: Record<string, unknown>) =>
      e.call(e.account.root, svc, op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const describe1 = async (id: string) =>
      (await call('ec2', 'DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0] as Instance;
    const id = (
      await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 })
    ).Instances[0].InstanceId as string;
    await stepMinutes(clock, 2);
    const { AllocationId, PublicIp } = await call('ec2', 'AllocateAddress', { Domain: 'vpc' });
    await call('ec2', 'AssociateAddress', { AllocationId, InstanceId: id });
    const before = await describe1(id);
    expect(before.State.Name).toBe('running');
    await call('monitoring', 'PutMetricAlarm', {
      AlarmName: 'recover',
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed_System',
      Dimensions: [{ Name: 'InstanceId', Value: id }],
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 5,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: ['arn:aws:automate:us-east-1:ec2:recover'],
    });
    await stepMinutes(clock, 6);
    const state = async () =>
      (
        (await call('monitoring', 'DescribeAlarms', { AlarmNames: ['recover'] })).MetricAlarms[0] as {
          StateValue: string;
        }
      ).StateValue;
    expect(await state()).toBe('OK');

    expect(
      e.store.tx(() => failHost({ store: e.store, accountId: e.account.accountId, region: 'us-east-1', clock }, id)),
    ).toBe(true);
    const status = (await call('ec2', 'DescribeInstanceStatus', { InstanceIds: [id] })).InstanceStatuses[0];
    expect(status.SystemStatus.Status).toBe('impaired');
    expect(status.SystemStatus.Details[0]).toMatchObject({ Name: 'reachability', Status: 'failed' });
    await stepMinutes(clock, 2);
    await flush();
    const stats = await call('monitoring', 'GetMetricStatistics', {
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed_System',
      Dimensions: [{ Name: 'InstanceId', Value: id }],
      StartTime: new Date(START),
      EndTime: new Date(clock.now()),
      Period: 60,
      Statistics: ['Maximum'],
    });
    const points = (stats.Datapoints as { Timestamp: Date; Maximum: number }[]).sort(
      (a, b) => a.Timestamp.getTime() - b.Timestamp.getTime(),
    );
    expect(points.at(-1)!.Maximum).toBe(1);
    expect(points.filter((p) => p.Maximum === 0).length).toBeGreaterThan(3);

    await stepMinutes(clock, 4); // five failed minutes out of five
    await flush();
    // ALARM, the recovery, then OK at once: the first healthy minute leaves fewer than 5 of 5 breaching.
    const history = (
      (await call('monitoring', 'DescribeAlarmHistory', { AlarmName: 'recover' })).AlarmHistoryItems as {
        HistorySummary: string;
      }[]
    )
      .map((h) => h.HistorySummary)
      .reverse();
    expect(history.slice(2)).toEqual([
      'Alarm updated from OK to ALARM',
      `Successfully executed action arn:aws:automate:us-east-1:ec2:recover: instance ${id} recovered onto healthy hardware`,
      'Alarm updated from ALARM to OK',
    ]);
    expect(await state()).toBe('OK');
    expect(hostFailedSince(e.store, id)).toBeUndefined();
    const after = await describe1(id);
    expect(after.State.Name).toBe('running');
    expect(after.PrivateIpAddress).toBe(before.PrivateIpAddress);
    expect(after.PublicIpAddress).toBe(PublicIp);
    expect(after.BlockDeviceMappings.map((b) => b.Ebs.VolumeId)).toEqual(
      before.BlockDeviceMappings.map((b) => b.Ebs.VolumeId),
    );
    expect(
      (await call('ec2', 'DescribeInstanceStatus', { InstanceIds: [id] })).InstanceStatuses[0].SystemStatus.Status,
    ).toBe('ok');
    // A healthy instance is left alone: the same action on it fails and says why.
    await call('monitoring', 'SetAlarmState', { AlarmName: 'recover', StateValue: 'ALARM', StateReason: 'test' });
    await flush();
    const last = (
      (await call('monitoring', 'DescribeAlarmHistory', { AlarmName: 'recover', HistoryItemType: 'Action' }))
        .AlarmHistoryItems as { HistorySummary: string }[]
    )[0]!;
    expect(last.HistorySummary).toContain('passes its system status check: nothing to recover');
  });
});
