/** A Classic Load Balancer in front of two Apache instances, and an Auto Scaling group registered with one. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, WEB_USER_DATA, type ElbLab } from './lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

const health = async (l: ElbLab) =>
  ((await l.call('elasticloadbalancing', 'DescribeInstanceHealth', { LoadBalancerName: 'web' })).InstanceStates as any[]).map((s) => [s.InstanceId, s.State, s.ReasonCode]);

describe('a Classic Load Balancer', () => {
  it('checks its instances, resolves its name, spreads requests, and takes a failing one out of service', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    const runs = await Promise.all(
      net.subnets.map((SubnetId) => lab.call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId, SecurityGroupIds: [net.webSg], UserData: WEB_USER_DATA })),
    );
    const ids = runs.map((r) => r.Instances[0].InstanceId as string);
    const ips = runs.map((r) => r.Instances[0].PrivateIpAddress as string);
    await lab.run(60_000);
    await lab.webServers(ids);
    const { DNSName } = await lab.call('elasticloadbalancing', 'CreateLoadBalancer', {
      LoadBalancerName: 'web',
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 }],
      AvailabilityZones: net.zones,
      SecurityGroups: [net.webSg],
    });
    expect(DNSName).toMatch(/^web-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    await lab.call('elasticloadbalancing', 'ConfigureHealthCheck', { LoadBalancerName: 'web', HealthCheck: { Target: 'HTTP:80/index.html', Interval: 10, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 2 } });
    const reg = await lab.call('elasticloadbalancing', 'RegisterInstancesWithLoadBalancer', { LoadBalancerName: 'web', Instances: ids.map((InstanceId) => ({ InstanceId })) });
    expect(reg.Instances.map((i: any) => i.InstanceId)).toEqual(ids);
    expect(await health(lab)).toEqual(ids.map((id) => [id, 'OutOfService', 'ELB']));
    await lab.run(60_000);
    expect(await health(lab)).toEqual(ids.map((id) => [id, 'InService', 'N/A']));
    const d = (await lab.call('elasticloadbalancing', 'DescribeLoadBalancers', { LoadBalancerNames: ['web'] })).LoadBalancerDescriptions[0];
    expect(d).toMatchObject({ LoadBalancerName: 'web', Scheme: 'internet-facing', AvailabilityZones: net.zones, SecurityGroups: [net.webSg], HealthCheck: { Target: 'HTTP:80/index.html' }, SourceSecurityGroup: { GroupName: 'web' } });
    // Classic load balancers are not listed by the v2 API.
    expect((await lab.call('elasticloadbalancingv2', 'DescribeLoadBalancers', {})).LoadBalancers).toEqual([]);
    expect((await lab.call('elasticloadbalancingv2', 'DescribeTargetGroups', {})).TargetGroups).toEqual([]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await lab.workstation(`curl -s http://${DNSName}/`)).stdout.trim());
    expect(new Set(answers)).toEqual(new Set(ips));
    expect(answers[0]).not.toBe(answers[1]);
    const g = await lab.engine.terminals.guest(ids[0]!);
    const { GuestShell } = await import('../../../src-main/engine/guest/session');
    await new GuestShell(g!, g!.user('ec2-user')!).exec('sudo service httpd stop');
    await lab.run(30_000);
    const states = (await lab.call('elasticloadbalancing', 'DescribeInstanceHealth', { LoadBalancerName: 'web', Instances: [{ InstanceId: ids[0] }] })).InstanceStates;
    expect(states).toEqual([{ InstanceId: ids[0], State: 'OutOfService', ReasonCode: 'Instance', Description: 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.' }]);
    for (let i = 0; i < 3; i++) expect((await lab.workstation(`curl -s http://${DNSName}/`)).stdout.trim()).toBe(ips[1]);
    await expectAwsError(lab.call('elasticloadbalancing', 'DescribeLoadBalancers', { LoadBalancerNames: ['nope'] }), 'LoadBalancerNotFound', "There is no ACTIVE Load Balancer named 'nope'");
    await expectAwsError(
      lab.call('elasticloadbalancing', 'ConfigureHealthCheck', { LoadBalancerName: 'web', HealthCheck: { Target: 'HTTP:80', Interval: 10, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 2 } }),
      'ValidationError',
      "Invalid HealthCheck target 'HTTP:80': use TCP:port or SSL:port, or HTTP:port/path or HTTPS:port/path.",
    );
    await lab.call('elasticloadbalancing', 'DeleteLoadBalancer', { LoadBalancerName: 'web' });
    expect((await lab.call('elasticloadbalancing', 'DescribeLoadBalancers', {})).LoadBalancerDescriptions).toEqual([]);
  });

  it('gets an Auto Scaling group’s instances registered, and its ELB health check replaces a failing one', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    await lab.call('elasticloadbalancing', 'CreateLoadBalancer', { LoadBalancerName: 'web', Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], Subnets: net.subnets, SecurityGroups: [net.webSg] });
    await lab.call('elasticloadbalancing', 'ConfigureHealthCheck', { LoadBalancerName: 'web', HealthCheck: { Target: 'HTTP:80/', Interval: 10, Timeout: 5, UnhealthyThreshold: 2, HealthyThreshold: 2 } });
    await lab.call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroups: [net.webSg], UserData: WEB_USER_DATA });
    await expectAwsError(
      lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'x', LaunchConfigurationName: 'web', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.subnets.join(','), LoadBalancerNames: ['nope'] }),
      'ValidationError',
      'Provided Load Balancers may not be valid. Please ensure they exist and try again.',
    );
    await lab.call('autoscaling', 'CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web', LaunchConfigurationName: 'web', MinSize: 1, MaxSize: 1, VPCZoneIdentifier: net.subnets.join(','), LoadBalancerNames: ['web'], HealthCheckType: 'ELB', HealthCheckGracePeriod: 60,
    });
    await lab.run(40_000);
    const first = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances[0].InstanceId;
    await lab.webServers([first]);
    await lab.run(40_000);
    expect(await health(lab)).toEqual([[first, 'InService', 'N/A']]);
    const g = await lab.engine.terminals.guest(first);
    const { GuestShell } = await import('../../../src-main/engine/guest/session');
    await new GuestShell(g!, g!.user('ec2-user')!).exec('sudo service httpd stop');
    await lab.run(90_000);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities as any[];
    expect(acts.find((a) => a.Description === `Terminating EC2 instance: ${first}`)?.Cause).toMatch(/in response to an ELB system health check failure\.$/);
    const now = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances;
    expect(now.map((i: any) => i.InstanceId)).not.toContain(first);
  });
});
