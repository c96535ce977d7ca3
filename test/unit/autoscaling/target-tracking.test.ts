/**
 * Target tracking end to end: the policy creates its CloudWatch alarms as AWS names them, requests
 * through the load balancer become RequestCountPerTarget, the high alarm fires and CloudWatch runs
 * the policy, and the group grows.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, WEB_USER_DATA, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

describe('target tracking on ALBRequestCountPerTarget', () => {
  it('creates its alarms and grows the group when requests per target exceed the target', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    const lb = (await lab.call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'web', Subnets: net.subnets, SecurityGroups: [net.webSg] })).LoadBalancers[0];
    const tg = (await lab.call('elasticloadbalancingv2', 'CreateTargetGroup', { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: net.vpcId, HealthCheckIntervalSeconds: 10 })).TargetGroups[0];
    await lab.call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
    await lab.call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroups: [net.webSg], UserData: WEB_USER_DATA });
    await lab.call('autoscaling', 'CreateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'web', MinSize: 1, MaxSize: 4, VPCZoneIdentifier: net.subnets.join(','), TargetGroupARNs: [tg.TargetGroupArn] });
    const label = `${lb.LoadBalancerArn.split(':loadbalancer/')[1]}/${tg.TargetGroupArn.split(':')[5]}`;
    const policy = await lab.call('autoscaling', 'PutScalingPolicy', {
      AutoScalingGroupName: 'web',
      PolicyName: 'requests',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label }, TargetValue: 5 },
    });
    expect(policy.Alarms.map((a: any) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-web-AlarmHigh-[0-9a-f-]{36}$/), expect.stringMatching(/^TargetTracking-web-AlarmLow-[0-9a-f-]{36}$/)]);
    await lab.run(90_000);
    const ids = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances.map((i: any) => i.InstanceId);
    await lab.webServers(ids);
    const alarms = (await lab.call('monitoring', 'DescribeAlarms', { AlarmNamePrefix: 'TargetTracking-web-' })).MetricAlarms;
    expect(alarms.map((a: any) => [a.Namespace, a.MetricName, a.Threshold, a.ComparisonOperator, a.AlarmActions[0]])).toEqual([
      ['AWS/ApplicationELB', 'RequestCountPerTarget', 5, 'GreaterThanThreshold', policy.PolicyARN],
      ['AWS/ApplicationELB', 'RequestCountPerTarget', 4.5, 'LessThanThreshold', policy.PolicyARN],
    ]);
    // 20 requests a minute for four minutes against one target: four times the target.
    for (let minute = 0; minute < 4; minute++) {
      for (let i = 0; i < 20; i++) expect((await lab.workstation(`curl -s -o /dev/null -w '' http://${lb.DNSName}/`)).exitCode).toBe(0);
      await lab.run(60_000, 10_000);
    }
    await lab.run(60_000, 10_000);
    const g = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0];
    expect(g.DesiredCapacity).toBe(4);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities;
    expect(acts[0].Cause).toMatch(/a CloudWatch alarm in state ALARM triggered policy requests changing the desired capacity from 1 to 4\./);
  });
});
