/** Lifecycle hooks: Pending:Wait and Terminating:Wait on the simulated clock, notifications, CompleteLifecycleAction, heartbeat timeouts. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

const group = async (l: ElbLab) => (await l.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0];
const states = async (l: ElbLab) => ((await group(l)).Instances as any[]).map((i) => i.LifecycleState as string);
const ec2State = async (l: ElbLab, id: string) => (await l.call('ec2', 'DescribeInstances', { InstanceIds: [id] })).Reservations[0].Instances[0].State.Name as string;

async function setup(heartbeat: number) {
  const lab = elbLab();
  labs.push(lab);
  const net = await lab.network();
  const { QueueUrl } = await lab.call('sqs', 'CreateQueue', { QueueName: 'hooks' });
  const { Attributes } = await lab.call('sqs', 'GetQueueAttributes', { QueueUrl, AttributeNames: ['QueueArn'] });
  await lab.call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroups: [net.webSg] });
  await lab.call('autoscaling', 'CreateAutoScalingGroup', {
    AutoScalingGroupName: 'web',
    LaunchConfigurationName: 'web',
    MinSize: 0,
    MaxSize: 2,
    DesiredCapacity: 1,
    VPCZoneIdentifier: net.subnets.join(','),
    LifecycleHookSpecificationList: [
      { LifecycleHookName: 'warm-up', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', NotificationTargetARN: Attributes.QueueArn, RoleARN: 'arn:aws:iam::000000000000:role/hooks', HeartbeatTimeout: heartbeat, NotificationMetadata: 'hello' },
    ],
  });
  const messages = async () => {
    const out = await lab.call('sqs', 'ReceiveMessage', { QueueUrl, MaxNumberOfMessages: 10 });
    return ((out.Messages ?? []) as any[]).map((m) => JSON.parse(m.Body));
  };
  return { lab, messages, queueArn: Attributes.QueueArn as string };
}

describe('lifecycle hooks', () => {
  it('hold a launching instance in Pending:Wait until CompleteLifecycleAction, announced to the queue', async () => {
    const { lab, messages } = await setup(300);
    await lab.run(60_000);
    expect(await states(lab)).toEqual(['Pending:Wait']);
    const [test, launching] = await messages();
    expect(test.Event).toBe('autoscaling:TEST_NOTIFICATION');
    expect(launching).toMatchObject({ LifecycleHookName: 'warm-up', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', AutoScalingGroupName: 'web', NotificationMetadata: 'hello' });
    const id = (await group(lab)).Instances[0].InstanceId;
    expect(launching.EC2InstanceId).toBe(id);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities;
    expect(acts[0].StatusCode).toBe('MidLifecycleAction');
    await expectAwsError(
      lab.call('autoscaling', 'CompleteLifecycleAction', { AutoScalingGroupName: 'web', LifecycleHookName: 'warm-up', InstanceId: 'i-0123456789abcdef0', LifecycleActionResult: 'CONTINUE' }),
      'ValidationError',
      'No active Lifecycle Action found with instance ID i-0123456789abcdef0',
    );
    await lab.call('autoscaling', 'RecordLifecycleActionHeartbeat', { AutoScalingGroupName: 'web', LifecycleHookName: 'warm-up', LifecycleActionToken: launching.LifecycleActionToken });
    await lab.call('autoscaling', 'CompleteLifecycleAction', { AutoScalingGroupName: 'web', LifecycleHookName: 'warm-up', LifecycleActionToken: launching.LifecycleActionToken, LifecycleActionResult: 'CONTINUE' });
    await lab.run(10_000);
    expect(await states(lab)).toEqual(['InService']);
    const after = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities;
    expect(after[0].StatusCode).toBe('Successful');
  });

  it('abandon a launch when the heartbeat times out (default result), and hold a terminating instance', async () => {
    const { lab, queueArn, messages } = await setup(30);
    await lab.run(20_000);
    const first = (await group(lab)).Instances[0].InstanceId;
    await lab.run(40_000);
    // ABANDON: the instance is terminated and a new one launched (held again).
    expect(await ec2State(lab, first)).toMatch(/shutting-down|terminated/);
    const g = await group(lab);
    expect(g.Instances.filter((i: any) => i.InstanceId !== first).map((i: any) => i.LifecycleState)).toEqual(['Pending:Wait']);
    const second = g.Instances.find((i: any) => i.InstanceId !== first).InstanceId;
    await lab.call('autoscaling', 'CompleteLifecycleAction', { AutoScalingGroupName: 'web', LifecycleHookName: 'warm-up', InstanceId: second, LifecycleActionResult: 'CONTINUE' });
    await lab.run(20_000);
    expect(await states(lab)).toEqual(['InService']);
    await lab.call('autoscaling', 'PutLifecycleHook', { AutoScalingGroupName: 'web', LifecycleHookName: 'drain', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', NotificationTargetARN: queueArn, HeartbeatTimeout: 600, DefaultResult: 'CONTINUE' });
    const hooks = (await lab.call('autoscaling', 'DescribeLifecycleHooks', { AutoScalingGroupName: 'web' })).LifecycleHooks;
    expect(hooks.map((h: any) => [h.LifecycleHookName, h.HeartbeatTimeout, h.GlobalTimeout, h.DefaultResult])).toEqual([['drain', 600, 60000, 'CONTINUE'], ['warm-up', 30, 3000, 'ABANDON']]);
    await messages();
    await lab.call('autoscaling', 'SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 0 });
    await lab.run(20_000);
    expect(await states(lab)).toEqual(['Terminating:Wait']);
    expect(await ec2State(lab, second)).toBe('running');
    expect((await messages()).find((m) => m.LifecycleTransition === 'autoscaling:EC2_INSTANCE_TERMINATING')?.EC2InstanceId).toBe(second);
    await lab.call('autoscaling', 'CompleteLifecycleAction', { AutoScalingGroupName: 'web', LifecycleHookName: 'drain', InstanceId: second, LifecycleActionResult: 'CONTINUE' });
    await lab.run(60_000);
    expect(await ec2State(lab, second)).toBe('terminated');
    expect((await group(lab)).Instances).toEqual([]);
  });
});
