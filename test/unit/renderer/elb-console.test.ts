/**
 * The Load Balancing and Auto Scaling console pages' AWS calls, against a real engine: each
 * create form's `run`, and the details tabs' loaders (listeners, target health, activities,
 * scaling policies, hooks, template versions).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { loadBalancersPage, targetGroupsPage, classicLoadBalancersPage } from '../../../src-renderer/views/elb/pages';
import { classicHealthRows, listenerRows, loadBalancerTargetRows, monitoringRows } from '../../../src-renderer/views/elb/tables';
import { groupsPage, launchConfigurationsPage, launchTemplatesPage } from '../../../src-renderer/views/autoscaling/pages';
import { activityRows, hookRows, scalingRows, versionRows } from '../../../src-renderer/views/autoscaling/tables';
import { createContractHost } from '../../../src-main/engine/contract-host';
import { createContractClient } from '../../../src-renderer/contract-client';
import { elbLab, START, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
const closers: (() => void)[] = [];
afterAll(() => {
  closers.forEach((c) => c());
  labs.forEach((l) => l.close());
});

/** aws.call through the console's contract (JSON both ways), as the pages make it. */
function consoleCall(lab: ElbLab): (service: string, operation: string, input?: any) => Promise<any> {
  const host = createContractHost(lab.engine, { version: 'test' });
  const listeners: ((m: unknown) => void)[] = [];
  const connection = host.connect((m) => {
    const copy: unknown = JSON.parse(JSON.stringify(m));
    queueMicrotask(() => listeners.forEach((l) => l(copy)));
  });
  closers.push(() => connection.close());
  const client = createContractClient({
    send: (m) => connection.receive(JSON.parse(JSON.stringify(m))),
    onMessage: (l) => void listeners.push(l),
    onStatus: (l) => queueMicrotask(() => l('open')),
  });
  return (service: string, operation: string, input: any = {}) => client.request('aws.call', { service, operation, input, region: 'us-east-1' });
}
afterAll(() => labs.forEach((l) => l.close()));

describe('the load balancing and Auto Scaling console pages', () => {
  it('create an ALB with its target group, a template and a group, and show their tabs', async () => {
    const lab = elbLab();
    labs.push(lab);
    const call = consoleCall(lab);
    const net = await lab.network();
    await targetGroupsPage.create!.run(call, { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: net.vpcId, HealthCheckPath: '/' });
    const tgArn = (await lab.call('elasticloadbalancingv2', 'DescribeTargetGroups', {})).TargetGroups[0].TargetGroupArn;
    const made = await loadBalancersPage.create!.run(call, { Name: 'web', Scheme: 'internet-facing', SubnetA: net.subnets[0], SubnetB: net.subnets[1], SecurityGroup: net.webSg, Port: 80, TargetGroupArn: tgArn });
    expect(made.message).toBe('Successfully created load balancer web. It is provisioning; its DNS name answers once it is active.');
    const lb = (await call('elasticloadbalancingv2', 'DescribeLoadBalancers')).LoadBalancers as any[];
    expect(loadBalancersPage.describe.rows({ LoadBalancers: lb }).map((r) => r.LoadBalancerName)).toEqual(['web']);
    expect(await listenerRows(call, lb[0].LoadBalancerArn)).toEqual([{ listener: 'HTTP:80', priority: 'default', conditions: 'Default', action: 'Forward to web' }]);

    await launchTemplatesPage.create!.run(call, { Name: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroupId: net.webSg, UserData: '#!/bin/bash\necho hi' });
    const lt = (await call('ec2', 'DescribeLaunchTemplates')).LaunchTemplates as any[];
    const v1 = (await call('ec2', 'DescribeLaunchTemplateVersions', { LaunchTemplateId: lt[0].LaunchTemplateId })).LaunchTemplateVersions as any[];
    expect(Buffer.from(v1[0].LaunchTemplateData.UserData, 'base64').toString()).toBe('#!/bin/bash\necho hi');
    await launchTemplatesPage.actions[0]!.run(call, { InstanceType: 't2.small', MakeDefault: true }, lt[0]);
    expect((await call('ec2', 'DescribeLaunchTemplates')).LaunchTemplates).toMatchObject([{ DefaultVersionNumber: 2, LatestVersionNumber: 2 }]);
    expect((await versionRows(call, lt[0].LaunchTemplateId)).map((v) => [v.version, v.type, v.groups])).toEqual([['1', 't2.micro', net.webSg], ['2 (Default)', 't2.small', net.webSg]]);

    await groupsPage.create!.run(call, { Name: 'web', LaunchTemplateId: lt[0].LaunchTemplateId, Version: '$Default', SubnetA: net.subnets[0], SubnetB: net.subnets[1], DesiredCapacity: 2, MinSize: 2, MaxSize: 4, TargetGroupArn: tgArn, HealthCheckType: 'EC2', HealthCheckGracePeriod: 60 });
    const row = (await call('autoscaling', 'DescribeAutoScalingGroups')).AutoScalingGroups[0];
    await groupsPage.actions.find((a) => a.label === 'Create target tracking policy')!.run(call, { PolicyName: 'cpu70', Metric: 'ASGAverageCPUUtilization', TargetValue: 70 }, row);
    await groupsPage.actions.find((a) => a.label === 'Create lifecycle hook')!.run(call, { Name: 'drain', Transition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 60, DefaultResult: 'CONTINUE' }, row);
    await lab.run(90_000);
    const g = (await call('autoscaling', 'DescribeAutoScalingGroups')).AutoScalingGroups[0];
    expect(groupsPage.columns[2]!.value instanceof Function ? groupsPage.columns[2]!.value(g) : '').toBe('2');
    expect(groupsPage.subTables![0]!.rows(g).map((i) => [i.LifecycleState, i.InstanceType])).toEqual([['InService', 't2.small'], ['InService', 't2.small']]);
    const acts = await activityRows(call, 'web');
    expect(acts.every((a) => a.start !== '' && a.end !== '')).toBe(true);
    expect(acts.map((a) => [a.status, String(a.description).replace(/i-[0-9a-f]+/, 'i-…')])).toEqual([['Successful', 'Launching a new EC2 instance: i-…'], ['Successful', 'Launching a new EC2 instance: i-…']]);
    const scaling = await scalingRows(call, 'web');
    expect(scaling).toEqual([{ kind: 'Dynamic scaling policy', name: 'cpu70', what: 'Target tracking: keep ASGAverageCPUUtilization at 70', alarms: expect.stringMatching(/^TargetTracking-web-AlarmHigh-.+, TargetTracking-web-AlarmLow-.+$/) }]);
    expect(await hookRows(call, 'web')).toEqual([{ name: 'drain', transition: 'Instance terminate', timeout: '60 s', result: 'CONTINUE', target: '' }]);
    const targets = await loadBalancerTargetRows(call, lb[0].LoadBalancerArn);
    expect(targets.map((t) => [t.group, t.port])).toEqual([['web', '80'], ['web', '80']]);
    expect((await monitoringRows(call, START + 90_000, lb[0].LoadBalancerArn)).map((r) => r.metric)).toEqual(['RequestCount', 'HTTPCode_Target_2XX_Count', 'HTTPCode_ELB_5XX_Count', 'TargetResponseTime']);
  });

  it('create a classic load balancer and show its instances’ health', async () => {
    const lab = elbLab();
    labs.push(lab);
    const call = consoleCall(lab);
    const net = await lab.network();
    const made = await classicLoadBalancersPage.create!.run(call, { Name: 'old', SubnetA: net.subnets[0], SubnetB: net.subnets[1], SecurityGroup: net.webSg, Port: 80, InstancePort: 80 });
    expect(made.message).toMatch(/^Successfully created old: old-\d{10}\.us-east-1\.elb\.amazonaws\.com\.$/);
    const run = await call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: net.subnets[0] });
    await lab.run(30_000);
    const row = (await call('elasticloadbalancing', 'DescribeLoadBalancers')).LoadBalancerDescriptions[0];
    await classicLoadBalancersPage.actions[0]!.run(call, { InstanceId: run.Instances[0].InstanceId }, row);
    expect(await classicHealthRows(call, 'old')).toEqual([{ id: run.Instances[0].InstanceId, state: 'OutOfService', reason: 'ELB', description: 'Instance registration is still in progress.' }]);
    await launchConfigurationsPage.create!.run(call, { Name: 'lc', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroupId: net.webSg });
    const lcs = launchConfigurationsPage.describe.rows(await call('autoscaling', 'DescribeLaunchConfigurations'));
    expect(launchConfigurationsPage.details(lcs[0]!).slice(0, 4)).toEqual([['AMI ID', 'ami-6057e21a'], ['Instance type', 't2.micro'], ['Key pair', ''], ['Security groups', net.webSg]]);
    expect(classicLoadBalancersPage.subTables![0]!.rows(row)).toEqual([{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }]);
  });
});
