/** HealthCheckType ELB: a target whose web server stops is marked unhealthy, traffic moves, and the group replaces it. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { elbLab, WEB_USER_DATA, type ElbLab } from '../elb/lab';

const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

describe('an ELB-health-checked group', () => {
  it('replaces the instance whose web server stopped', async () => {
    const lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    const lb = (await lab.call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'web', Subnets: net.subnets, SecurityGroups: [net.webSg] })).LoadBalancers[0];
    const tg = (await lab.call('elasticloadbalancingv2', 'CreateTargetGroup', { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: net.vpcId, HealthCheckIntervalSeconds: 10 })).TargetGroups[0];
    await lab.call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
    await lab.call('autoscaling', 'CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-6057e21a', InstanceType: 't2.micro', SecurityGroups: [net.webSg], UserData: WEB_USER_DATA });
    await lab.call('autoscaling', 'CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web', LaunchConfigurationName: 'web', MinSize: 2, MaxSize: 2, VPCZoneIdentifier: net.subnets.join(','),
      TargetGroupARNs: [tg.TargetGroupArn], HealthCheckType: 'ELB', HealthCheckGracePeriod: 60,
    });
    await lab.run(60_000);
    const ids: string[] = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances.map((i: any) => i.InstanceId);
    await lab.webServers(ids);
    await lab.run(30_000);
    const health = async () => ((await lab.call('elasticloadbalancingv2', 'DescribeTargetHealth', { TargetGroupArn: tg.TargetGroupArn })).TargetHealthDescriptions as any[]).map((d) => [d.Target.Id, d.TargetHealth.State]);
    expect(await health()).toEqual(ids.map((id) => [id, 'healthy']));
    const g = await lab.engine.terminals.guest(ids[0]!);
    await new GuestShell(g!, g!.user('ec2-user')!).exec('sudo service httpd stop');
    await lab.run(20_000);
    expect(await health()).toEqual([[ids[0], 'unhealthy'], [ids[1], 'healthy']]);
    const other = (await lab.call('ec2', 'DescribeInstances', { InstanceIds: [ids[1]] })).Reservations[0].Instances[0].PrivateIpAddress;
    expect((await lab.workstation(`curl -s http://${lb.DNSName}/`)).stdout.trim()).toBe(other);
    await lab.run(90_000);
    const now: string[] = (await lab.call('autoscaling', 'DescribeAutoScalingGroups', { AutoScalingGroupNames: ['web'] })).AutoScalingGroups[0].Instances.map((i: any) => i.InstanceId);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(ids[0]);
    const acts = (await lab.call('autoscaling', 'DescribeScalingActivities', { AutoScalingGroupName: 'web' })).Activities;
    const term = acts.find((a: any) => a.Description === `Terminating EC2 instance: ${ids[0]}`);
    expect(term.Cause).toMatch(/an instance was taken out of service in response to an ELB system health check failure\.$/);
    expect((await lab.call('ec2', 'DescribeInstances', { InstanceIds: [ids[0]] })).Reservations[0].Instances[0].State.Name).toMatch(/shutting-down|terminated/);
  });
});
