/**
 * Load balancers and Auto Scaling through the wire with SDK v3 and Debian's AWS CLI v2, against a
 * real lab (`nimbus serve --warp 60`): an ALB with a listener and a target group on the default
 * VPC and AWS's error shapes; a group of one over two subnets whose terminated instance is
 * replaced in the other zone (§14.2.3), with the activities saying why.
 */
import { describe, expect, it } from 'vitest';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  LoadBalancerNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeScalingActivitiesCommand,
} from '@aws-sdk/client-auto-scaling';
import { useLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';

const lab = useLab({ extraArgs: ['--warp', '60'] });
const elb = () => new ElasticLoadBalancingV2Client({ endpoint: lab().endpoint, region: 'us-east-1', credentials: lab().credentials, maxAttempts: 1 });
const asg = () => new AutoScalingClient({ endpoint: lab().endpoint, region: 'us-east-1', credentials: lab().credentials, maxAttempts: 1 });
const cli = (args: string[]) => {
  const r = awsCli(lab(), args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.trim();
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let network: { vpc: string; subnets: string[] } | undefined;
/** The default VPC's first two subnets (two zones), read once with the CLI. */
function defaultSubnets(): { vpc: string; subnets: string[] } {
  if (!network) {
    const rows = cli(['ec2', 'describe-subnets', '--filters', 'Name=default-for-az,Values=true', '--query', 'sort_by(Subnets,&AvailabilityZone)[0:2].[SubnetId,VpcId]', '--output', 'text']).split('\n').map((l) => l.split('\t'));
    network = { vpc: rows[0]![1]!, subnets: rows.map((r) => r[0]!) };
  }
  return network;
}

async function inService(name: string, not?: string): Promise<{ InstanceId?: string; AvailabilityZone?: string }[]> {
  for (let i = 0; i < 120; i++) {
    const g = (await asg().send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups![0]!;
    const ready = g.Instances!.filter((x) => x.LifecycleState === 'InService' && x.InstanceId !== not);
    if (ready.length >= g.DesiredCapacity!) return ready;
    await sleep(250);
  }
  throw new Error(`group ${name} did not reach its capacity`);
}

describe('elbv2 and autoscaling on the wire', () => {
  it('creates, describes and deletes a load balancer with a listener and a target group', async () => {
    const { vpc, subnets } = defaultSubnets();
    const c = elb();
    const lb = (await c.send(new CreateLoadBalancerCommand({ Name: 'sdk-alb', Subnets: subnets, Scheme: 'internet-facing', Type: 'application' }))).LoadBalancers![0]!;
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:\d{12}:loadbalancer\/app\/sdk-alb\/[0-9a-f]{16}$/);
    expect(lb.DNSName).toMatch(/^sdk-alb-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb.AvailabilityZones?.map((z) => z.SubnetId)).toEqual(subnets);
    const tg = (await c.send(new CreateTargetGroupCommand({ Name: 'sdk-tg', Protocol: 'HTTP', Port: 80, VpcId: vpc }))).TargetGroups![0]!;
    expect([tg.HealthCheckPath, tg.HealthCheckIntervalSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount, tg.Matcher?.HttpCode]).toEqual(['/', 30, 5, 2, '200']);
    const listener = (await c.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }))).Listeners![0]!;
    expect(listener.DefaultActions?.[0]?.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn).toBe(tg.TargetGroupArn);
    expect((await c.send(new DescribeTargetGroupsCommand({ Names: ['sdk-tg'] }))).TargetGroups![0]!.LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
    const health = await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0123456789abcdef0', Port: 80 }] }));
    expect(health.TargetHealthDescriptions?.[0]?.TargetHealth).toEqual({ State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' });
    const err = await c.send(new DescribeLoadBalancersCommand({ Names: ['nope'] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadBalancerNotFoundException);
    expect((err as LoadBalancerNotFoundException).$metadata.httpStatusCode).toBe(400);
    const inUse = awsCli(lab(), ['elbv2', 'delete-target-group', '--target-group-arn', tg.TargetGroupArn!]);
    expect(inUse.status).toBe(254);
    expect(inUse.stderr).toContain(`An error occurred (ResourceInUse) when calling the DeleteTargetGroup operation: Target group '${tg.TargetGroupArn}' is currently in use by a listener or a rule`);
    await c.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    await c.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }));
    expect((await c.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
  });

  it('replaces a terminated instance in the other zone (§14.2.3) and says why', async () => {
    const { subnets } = defaultSubnets();
    // The CLI sends user data as text; the group's instances get it base64-encoded, as on AWS.
    cli(['autoscaling', 'create-launch-configuration', '--launch-configuration-name', 'jenkins', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--user-data', '#!/bin/bash\necho hello']);
    const c = asg();
    await expect(c.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'jenkins', ImageId: 'ami-6057e21a', InstanceType: 't2.micro' }))).rejects.toMatchObject({
      name: 'AlreadyExistsFault',
      message: 'Launch Configuration by this name already exists - A launch configuration already exists with the name jenkins',
    });
    await c.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'jenkins', LaunchConfigurationName: 'jenkins', MinSize: 1, MaxSize: 1, DesiredCapacity: 1, VPCZoneIdentifier: subnets.join(','), HealthCheckGracePeriod: 600, HealthCheckType: 'EC2' }));
    const [first] = await inService('jenkins');
    cli(['ec2', 'terminate-instances', '--instance-ids', first!.InstanceId!]);
    const [second] = await inService('jenkins', first!.InstanceId);
    expect(second!.InstanceId).not.toBe(first!.InstanceId);
    expect(second!.AvailabilityZone).not.toBe(first!.AvailabilityZone);
    const acts = (await c.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: 'jenkins' }))).Activities!;
    expect(acts[0]!.Description).toBe(`Launching a new EC2 instance: ${second!.InstanceId}`);
    const terminating = acts.find((a) => a.Description === `Terminating EC2 instance: ${first!.InstanceId}`)!;
    expect(terminating.Cause).toMatch(/an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped\.$/);
    const userData = cli(['ec2', 'describe-instance-attribute', '--instance-id', second!.InstanceId!, '--attribute', 'userData', '--query', 'UserData.Value', '--output', 'text']);
    expect(Buffer.from(userData, 'base64').toString()).toBe('#!/bin/bash\necho hello');
  });
});
