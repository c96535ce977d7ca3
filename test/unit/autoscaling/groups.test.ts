/** Auto Scaling groups on the simulated clock: launches across zones, replacement (§14.2.3), scaling, activities. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, WEB_USER_DATA, type ElbLab } from '../elb/lab';

let lab: ElbLab | undefined;
// Engines close at the end of the file: a closed engine's store must not be left behind in
// process-wide registries that a later engine's guests consult (see test/unit/elb/lab.ts).
const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

const group = async (l: ElbLab, name: string) => (await l.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
const activities = async (l: ElbLab, name: string) =>
  ((await l.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: name })).Activities as any[]).map((a) => ({ d: a.Description as string, c: a.Cause as string, s: a.StatusCode as string }));
const ec2State = async (l: ElbLab, id: string) => (await l.call('ec2', 'DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0].State.Name as string;

async function setup(l: ElbLab, opts: { desired: number; max?: number; tg?: string; health?: 'EC2' | 'ELB' }) {
  const net = await l.network();
  await l.call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroups: [net.webSg], UserData: WEB_USER_DATA });
  await l.call('autoscaling', 'CreateAutoScalingGroup', {
    AutoScalingGroupName: 'web',
    LaunchConfigurationName: 'web',
    MinSize: opts.desired,
    MaxSize: opts.max ?? 4,
    DesiredCapacity: opts.desired,
    VPCZoneIdentifier: net.subnets.join(','),
    ...(opts.tg ? { TargetGroupARNs: [opts.tg] } : {}),
    HealthCheckType: opts.health ?? 'EC2',
    HealthCheckGracePeriod: 60,
    Tags: [{ Key: 'Name', Value: 'web-server', PropagateAtLaunch: true }, { Key: 'team', Value: 'ops', PropagateAtLaunch: false }],
  });
  return net;
}

describe('an Auto Scaling group', () => {
  it('launches its instances across zones with propagated tags, and says why', async () => {
    lab = elbLab();
    labs.push(lab);
    const net = await setup(lab, { desired: 2 });
    await lab.run(60_000);
    const g = await group(lab, 'web');
    expect(g.Instances.map((i: any) => [i.LifecycleState, i.HealthStatus])).toEqual([['InService', 'Healthy'], ['InService', 'Healthy']]);
    expect(new Set(g.Instances.map((i: any) => i.AvailabilityZone))).toEqual(new Set(net.zones));
    const inst = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [g.Instances[0].InstanceId] })).Reservations[0].Instances[0];
    expect(inst.State.Name).toBe('running');
    expect(inst.Tags.map((t: any) => `${t.Key}=${t.Value}`).sort()).toEqual(['Name=web-server', 'aws:autoscaling:groupName=web']);
    const acts = await activities(lab, 'web');
    expect(acts).toHaveLength(2);
    expect(acts[0]!.d).toMatch(/^Launching a new EC2 instance: i-[0-9a-f]{17}$/);
    expect(acts[0]!.c).toMatch(
      /^At 2026-01-10T12:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2\. {2}At 2026-01-10T12:00:0\dZ an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2\.$/,
    );
    expect(acts[0]!.s).toBe('Successful');
  });

  it('replaces a terminated instance, in the other zone (§14.2.3)', async () => {
    lab = elbLab();
    labs.push(lab);
    await setup(lab, { desired: 1 });
    await lab.run(60_000);
    const first = (await group(lab, 'web')).Instances[0];
    await lab.call('ec2', 'TerminateInstances', { InstanceIds: [first.InstanceId] });
    await lab.run(90_000);
    const g = await group(lab, 'web');
    expect(g.Instances).toHaveLength(1);
    const second = g.Instances[0];
    expect(second.InstanceId).not.toBe(first.InstanceId);
    expect(second.AvailabilityZone).not.toBe(first.AvailabilityZone);
    expect(second.LifecycleState).toBe('InService');
    expect(await ec2State(lab, second.InstanceId)).toBe('running');
    const acts = await activities(lab, 'web');
    expect(acts[1]!.d).toBe(`Terminating EC2 instance: ${first.InstanceId}`);
    expect(acts[1]!.c).toMatch(/^At 2026-01-10T12:0\d:\d\dZ an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped\.$/);
    expect(acts[0]!.d).toBe(`Launching a new EC2 instance: ${second.InstanceId}`);
    expect(acts[0]!.c).toMatch(/an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 1\.$/);
  });

  it('scales with SetDesiredCapacity and a simple policy, within its bounds', async () => {
    lab = elbLab();
    labs.push(lab);
    await setup(lab, { desired: 1, max: 3 });
    await lab.run(60_000);
    const { PolicyARN } = await lab.call('autoscaling', 'PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 2 });
    expect(PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:\d{12}:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/web:policyName\/up$/);
    await lab.call('autoscaling', 'ExecutePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up' });
    await lab.run(60_000);
    expect((await group(lab, 'web')).Instances).toHaveLength(3);
    await expectAwsError(lab.call('autoscaling', 'SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 5 }), 'ValidationError', 'New SetDesiredCapacity value 5 is above max value 3 for the AutoScalingGroup.');
    await lab.call('autoscaling', 'UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', MinSize: 1 });
    await lab.call('autoscaling', 'SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 1 });
    await lab.run(60_000);
    const g = await group(lab, 'web');
    expect(g.Instances).toHaveLength(1);
    const acts = await activities(lab, 'web');
    expect(acts[0]!.d).toMatch(/^Terminating EC2 instance: /);
    expect(acts[0]!.c).toMatch(/a user request explicitly set group desired capacity changing the desired capacity from 3 to 1\. {2}At .* an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 3 to 1\. {2}At .* instance i-[0-9a-f]+ was selected for termination\.$/);
    expect(acts.filter((a) => a.c.includes('a user request executed policy up changing the desired capacity from 1 to 3.'))).toHaveLength(2);
  });

  it('answers AWS errors for bad input', async () => {
    lab = elbLab();
    labs.push(lab);
    await expectAwsError(lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'x', LaunchConfigurationName: 'nope', MinSize: 1, MaxSize: 1 }), 'ValidationError', 'Launch configuration name not found - Launch configuration nope not found');
    await setup(lab, { desired: 1 });
    await expectAwsError(lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'web', MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }), 'AlreadyExists', 'AutoScalingGroup by this name already exists - A group with the name web already exists');
    await expectAwsError(lab.call('autoscaling', 'DeleteLaunchConfiguration', { LaunchConfigurationName: 'web' }), 'ResourceInUse', 'Cannot delete launch configuration web because it is attached to AutoScalingGroup web');
    await lab.run(30_000);
    await expectAwsError(lab.call('autoscaling', 'DeleteAutoScalingGroup', { AutoScalingGroupName: 'web' }), 'ResourceInUse', 'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.');
    await lab.call('autoscaling', 'DeleteAutoScalingGroup', { AutoScalingGroupName: 'web', ForceDelete: true });
    expect((await group(lab, 'web')).Status).toBe('Delete in progress');
    await lab.run(60_000);
    expect(await group(lab, 'web')).toBeUndefined();
  });

  it('runs a scheduled action at its time', async () => {
    lab = elbLab();
    labs.push(lab);
    await setup(lab, { desired: 1 });
    await lab.call('autoscaling', 'PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'evening', Recurrence: '5 12 * * *', DesiredCapacity: 2 });
    const [a] = (await lab.call('autoscaling', 'DescribeScheduledActions', { AutoScalingGroupName: 'web' })).ScheduledUpdateGroupActions;
    expect(a.StartTime.toISOString()).toBe('2026-01-10T12:05:00.000Z');
    await lab.run(6 * 60_000, 10_000);
    expect((await group(lab, 'web')).Instances).toHaveLength(2);
    expect((await activities(lab, 'web'))[0]!.c).toMatch(/^At 2026-01-10T12:05:\d\dZ a scheduled action update of AutoScalingGroup constraints to min: 1, max: 4, desired: 2 changing the desired capacity from 1 to 2\./);
  });
});
