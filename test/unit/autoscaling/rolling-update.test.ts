/** CloudFormation UpdatePolicy AutoScalingRollingUpdate: a changed launch template replaces the group's instances one batch at a time. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, type ElbLab } from '../elb/lab';

const template = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'autoscaling', 'rolling-template.yaml'), 'utf8');
const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

async function settle(lab: ElbLab, name: string): Promise<{ status: string; events: string[] }> {
  let status = '';
  for (let i = 0; i < 60 && !/_COMPLETE$|FAILED$/.test(status); i++) {
    await lab.run(10_000, 5_000);
    status = (await lab.call('cloudformation', 'DescribeStacks', { StackName: name })).Stacks[0].StackStatus;
  }
  const events = (await lab.call('cloudformation', 'DescribeStackEvents', { StackName: name })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus} ${e.ResourceStatusReason ?? ''}`);
  return { status, events };
}

describe('a rolling update from a template', () => {
  it('creates a launch template, a classic load balancer and a group, then replaces the instances on update', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    const params = (type: string) => [
      { ParameterKey: 'InstanceType', ParameterValue: type },
      { ParameterKey: 'SubnetA', ParameterValue: net.subnets[0] },
      { ParameterKey: 'SubnetB', ParameterValue: net.subnets[1] },
    ];
    await lab.call('cloudformation', 'CreateStack', { StackName: 'roll', TemplateBody: template, Parameters: params('t2.micro') });
    const created = await settle(lab, 'roll');
    expect(created.status, created.events.join('\n')).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((await lab.call('cloudformation', 'DescribeStacks', { StackName: 'roll' })).Stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(outputs.DNSName).toMatch(/\.us-east-1\.elb\.amazonaws\.com$/);
    const before = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [outputs.Group] })).AutoScalingGroups[0];
    expect(before.Instances.map((i: any) => i.InstanceType)).toEqual(['t2.micro', 't2.micro']);
    const lbName = before.LoadBalancerNames[0];
    await lab.run(20_000);
    const registered = (await lab.call('elasticloadbalancing', 'DescribeLoadBalancers', { LoadBalancerNames: [lbName] })).LoadBalancerDescriptions[0].Instances.map((i: any) => i.InstanceId).sort();
    expect(registered).toEqual(before.Instances.map((i: any) => i.InstanceId).sort());

    await lab.call('cloudformation', 'UpdateStack', { StackName: 'roll', TemplateBody: template, Parameters: params('t2.small') });
    const updated = await settle(lab, 'roll');
    expect(updated.status, updated.events.join('\n')).toBe('UPDATE_COMPLETE');
    const after = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [outputs.Group] })).AutoScalingGroups[0];
    expect(after.Instances.map((i: any) => [i.InstanceType, i.LaunchTemplate.Version])).toEqual([['t2.small', '2'], ['t2.small', '2']]);
    expect(after.Instances.some((i: any) => before.Instances.some((b: any) => b.InstanceId === i.InstanceId))).toBe(false);
    const refresh = (await lab.call('autoscaling', 'DescribeInstanceRefreshes', { AutoScalingGroupName: outputs.Group })).InstanceRefreshes[0];
    expect(refresh).toMatchObject({ Status: 'Successful', Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 30 } });
  });
});
