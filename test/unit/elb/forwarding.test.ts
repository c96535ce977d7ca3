/** An Application Load Balancer in front of two Apache instances: health checks, DNS, round-robin, security groups. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, describe, expect, it } from 'vitest';
import { elbLab, expectAwsError, WEB_USER_DATA, type ElbLab } from './lab';

let lab: ElbLab | undefined;
// Engines close at the end of the file: a closed engine's store must not be left behind in
// process-wide registries that a later engine's guests consult (see test/unit/elb/lab.ts).
const labs: ElbLab[] = [];
afterAll(() => labs.forEach((l) => l.close()));

async function fleet(l: ElbLab) {
  const net = await l.network();
  const run = await l.call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: net.subnets[0], SecurityGroupIds: [net.webSg], UserData: WEB_USER_DATA });
  const run2 = await l.call('ec2', 'RunInstances', { ImageId: 'ami-6057e21a', InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: net.subnets[1], SecurityGroupIds: [net.webSg], UserData: WEB_USER_DATA });
  const ids = [run.Instances[0].InstanceId as string, run2.Instances[0].InstanceId as string];
  const ips = [run.Instances[0].PrivateIpAddress as string, run2.Instances[0].PrivateIpAddress as string];
  await l.run(60_000);
  await l.webServers(ids);
  const lb = (await l.call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'web', Subnets: net.subnets, SecurityGroups: [net.webSg] })).LoadBalancers[0];
  const tg = (await l.call('elasticloadbalancingv2', 'CreateTargetGroup', { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: net.vpcId, HealthCheckIntervalSeconds: 10 })).TargetGroups[0];
  await l.call('elasticloadbalancingv2', 'RegisterTargets', { TargetGroupArn: tg.TargetGroupArn, Targets: ids.map((Id) => ({ Id })) });
  await l.call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
  return { net, ids, ips, lb, tg };
}

const states = async (l: ElbLab, tgArn: string) =>
  ((await l.call('elasticloadbalancingv2', 'DescribeTargetHealth', { TargetGroupArn: tgArn })).TargetHealthDescriptions as any[]).map((d) => [d.Target.Id, d.TargetHealth.State, d.TargetHealth.Reason ?? null]);

describe('an Application Load Balancer', () => {
  it('checks its targets, resolves its name and spreads requests over both', async () => {
    lab = elbLab();
    labs.push(lab);
    const { ids, ips, lb, tg } = await fleet(lab);
    expect(lb.State.Code).toBe('provisioning');
    expect(lb.DNSName).toMatch(/^web-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(await states(lab, tg.TargetGroupArn)).toEqual(ids.map((id) => [id, 'initial', 'Elb.RegistrationInProgress']));
    await lab.run(60_000);
    expect(await states(lab, tg.TargetGroupArn)).toEqual(ids.map((id) => [id, 'healthy', null]));
    const d = (await lab.call('elasticloadbalancingv2', 'DescribeLoadBalancers', { Names: ['web'] })).LoadBalancers[0];
    expect(d.State.Code).toBe('active');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await lab.workstation(`curl -s http://${lb.DNSName}/`)).stdout.trim());
    expect(new Set(answers)).toEqual(new Set(ips));
    expect(answers[0]).not.toBe(answers[1]);
    expect(answers[0]).toBe(answers[2]);
  });

  it('marks a target without a web server unhealthy and sends traffic to the other', async () => {
    lab = elbLab();
    labs.push(lab);
    const { ids, ips, lb, tg } = await fleet(lab);
    await lab.run(60_000);
    const g = await lab.engine.terminals.guest(ids[0]!);
    const { GuestShell } = await import('../../../src-main/engine/guest/session');
    await new GuestShell(g!, g!.user('ec2-user')!).exec('sudo service httpd stop');
    await lab.run(30_000);
    expect(await states(lab, tg.TargetGroupArn)).toEqual([
      [ids[0], 'unhealthy', 'Target.FailedHealthChecks'],
      [ids[1], 'healthy', null],
    ]);
    for (let i = 0; i < 3; i++) expect((await lab.workstation(`curl -s http://${lb.DNSName}/`)).stdout.trim()).toBe(ips[1]);
  });

  it('answers 404 health checks with Target.ResponseCodeMismatch', async () => {
    lab = elbLab();
    labs.push(lab);
    const { ids, tg } = await fleet(lab);
    await lab.call('elasticloadbalancingv2', 'ModifyTargetGroup', { TargetGroupArn: tg.TargetGroupArn, HealthCheckPath: '/missing' });
    await lab.run(60_000);
    const d = (await lab.call('elasticloadbalancingv2', 'DescribeTargetHealth', { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: ids[0] }] })).TargetHealthDescriptions[0];
    expect(d.TargetHealth).toEqual({ State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [404]' });
  });

  it('routes by path and answers fixed responses', async () => {
    lab = elbLab();
    labs.push(lab);
    const { lb } = await fleet(lab);
    const listener = (await lab.call('elasticloadbalancingv2', 'DescribeListeners', { LoadBalancerArn: lb.LoadBalancerArn })).Listeners[0];
    await lab.call('elasticloadbalancingv2', 'CreateRule', {
      ListenerArn: listener.ListenerArn,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', Values: ['/health*'] }],
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', MessageBody: 'ok', ContentType: 'text/plain' } }],
    });
    await lab.run(60_000);
    expect((await lab.workstation(`curl -s http://${lb.DNSName}/healthz`)).stdout).toBe('ok');
    const rules = (await lab.call('elasticloadbalancingv2', 'DescribeRules', { ListenerArn: listener.ListenerArn })).Rules;
    expect(rules.map((r: any) => [r.Priority, r.IsDefault])).toEqual([['10', false], ['default', true]]);
    await expectAwsError(
      lab.call('elasticloadbalancingv2', 'CreateRule', { ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] }),
      'PriorityInUse',
      "Priority '10' is currently in use",
    );
  });

  it('needs two zones, and times out when its security group does not let the client in', async () => {
    lab = elbLab();
    labs.push(lab);
    const net = await lab.network();
    await expectAwsError(lab.call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'one', Subnets: [net.subnets[0]] }), 'ValidationError', 'At least two subnets in two different Availability Zones must be specified');
    const closed = await lab.call('ec2', 'CreateSecurityGroup', { GroupName: 'closed', Description: 'closed', VpcId: net.vpcId });
    const lb = (await lab.call('elasticloadbalancingv2', 'CreateLoadBalancer', { Name: 'closed', Subnets: net.subnets, SecurityGroups: [closed.GroupId] })).LoadBalancers[0];
    await lab.call('elasticloadbalancingv2', 'CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', MessageBody: 'hi' } }] });
    await lab.run(60_000);
    const r = await lab.workstation(`curl -s -S --connect-timeout 2 http://${lb.DNSName}/`);
    expect(r.exitCode).toBe(28);
  });
});
