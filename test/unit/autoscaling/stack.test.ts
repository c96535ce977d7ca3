/** §15.1's shape as our own template: an ALB over a group of two Apache instances, made by CloudFormation. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elbLab, type ElbLab } from '../elb/lab';

const template = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'autoscaling', 'alb-asg.yaml'), 'utf8');
const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

describe('a load-balanced group from a template', () => {
  it('serves both instances in turn, and replaces one that is terminated', async () => {
    const lab = elbLab();
    labs.push(lab);
    await lab.call('cloudformation', 'CreateStack', { StackName: 'web', TemplateBody: template });
    let status = '';
    for (let i = 0; i < 60 && !status.endsWith('_COMPLETE') && !status.endsWith('FAILED'); i++) {
      await lab.run(10_000, 5_000);
      status = (await lab.call('cloudformation', 'DescribeStacks', { StackName: 'web' })).Stacks[0].StackStatus;
    }
    const events = (await lab.call('cloudformation', 'DescribeStackEvents', { StackName: 'web' })).StackEvents.map((e: any) => `${e.LogicalResourceId} ${e.ResourceStatus} ${e.ResourceStatusReason ?? ''}`);
    expect(status, events.join('\n')).toBe('CREATE_COMPLETE');
    expect(events.some((e: string) => e.includes('Simulated'))).toBe(false);
    const outputs = Object.fromEntries((await lab.call('cloudformation', 'DescribeStacks', { StackName: 'web' })).Stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    const group = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [outputs.Group] })).AutoScalingGroups[0];
    const ids = group.Instances.map((i: any) => i.InstanceId as string);
    expect(ids).toHaveLength(2);
    await lab.webServers(ids);
    await lab.run(30_000);
    const health = (await lab.call('elasticloadbalancingv2', 'DescribeTargetHealth', { TargetGroupArn: outputs.TargetGroup })).TargetHealthDescriptions;
    expect(health.map((h: any) => h.TargetHealth.State)).toEqual(['healthy', 'healthy']);
    const ips = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: ids })).Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.PrivateIpAddress));
    const answers: string[] = [];
    const probe = await lab.workstation(`curl -sS ${outputs.URL}`);
    expect(probe.stderr).toBe("");
    for (let i = 0; i < 4; i++) answers.push((await lab.workstation(`curl -s ${outputs.URL}`)).stdout.trim());
    expect(new Set(answers)).toEqual(new Set(ips));
    expect(answers[0]).not.toBe(answers[1]);

    await lab.call('ec2', 'TerminateInstances', { InstanceIds: [ids[0]] });
    await lab.run(60_000);
    const after = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: [outputs.Group] })).AutoScalingGroups[0];
    const now = after.Instances.map((i: any) => i.InstanceId as string);
    expect(now).toHaveLength(2);
    expect(now).toContain(ids[1]);
    expect(now).not.toContain(ids[0]);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: outputs.Group })).Activities;
    expect(acts[1].Description).toBe(`Terminating EC2 instance: ${ids[0]}`);

    await lab.call('cloudformation', 'DeleteStack', { StackName: 'web' });
    for (let i = 0; i < 60; i++) {
      await lab.run(10_000, 5_000);
      const s = (await lab.call('cloudformation', 'DescribeStacks', { StackName: (await lab.call('cloudformation', 'ListStacks', {})).StackSummaries[0].StackId })).Stacks[0].StackStatus;
      if (s === 'DELETE_COMPLETE' || s === 'DELETE_FAILED') {
        expect(s).toBe('DELETE_COMPLETE');
        break;
      }
    }
    expect((await lab.call('autoscaling', 'DescribeAutoScalingGroups', {})).AutoScalingGroups).toEqual([]);
    expect((await lab.call('elasticloadbalancingv2', 'DescribeLoadBalancers', {})).LoadBalancers).toEqual([]);
  });
});
